namespace OakNetwork.Payments.Emulator.Json;

/// <summary>Totals in one currency; <c>amount = available + pending + reserved</c>.</summary>
internal sealed record BalanceTotalDto(string Currency, long Amount, long Available, long Pending, long Reserved, long InstantPayouts);
