namespace OakNetwork.Payments.Emulator.Storage;

/// <summary>An account's totals in one currency, in minor units.</summary>
internal sealed record BalanceTotalRecord(string Currency, long Available, long Pending, long Reserved, long InstantPayouts);
