namespace OakNetwork.Payments.Emulator.Storage;

/// <summary>A customer's provider account for one (provider, role), with its per-currency totals.</summary>
internal sealed record AccountRecord(string Id, Guid CustomerId, string Provider, string Role, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<BalanceTotalRecord> Totals);
