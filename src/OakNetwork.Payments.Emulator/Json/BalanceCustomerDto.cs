namespace OakNetwork.Payments.Emulator.Json;

/// <summary>The customer and role an account belongs to.</summary>
internal sealed record BalanceCustomerDto(string Id, string Role);
