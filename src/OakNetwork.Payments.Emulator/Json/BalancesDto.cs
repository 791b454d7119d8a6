namespace OakNetwork.Payments.Emulator.Json;

/// <summary>The balances payload (contract §4.6).</summary>
internal sealed record BalancesDto(string AsOf, BalanceFiltersDto Filters, IReadOnlyList<BalanceDto> Balances);
