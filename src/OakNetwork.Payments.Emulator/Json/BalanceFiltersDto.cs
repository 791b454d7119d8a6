namespace OakNetwork.Payments.Emulator.Json;

/// <summary>The filters echoed by the balances payload; <c>provider</c>/<c>role</c> are null when not given.</summary>
internal sealed record BalanceFiltersDto(string CustomerId, string? Provider, string? Role);
