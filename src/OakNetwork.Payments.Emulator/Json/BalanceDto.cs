namespace OakNetwork.Payments.Emulator.Json;

/// <summary>One account's balance entry.</summary>
internal sealed record BalanceDto(string AccountId, string Provider, BalanceCustomerDto Customer, string AsOf, IReadOnlyList<BalanceTotalDto> Totals);
