namespace OakNetwork.Payments;

/// <summary>A balance total in one currency, in integer minor units (cents).</summary>
public sealed class BalanceTotal
{
    /// <summary>The lowercase ISO 4217 currency. Wire name <c>currency</c>.</summary>
    public string? Currency { get; set; }

    /// <summary><see cref="Available"/> + <see cref="Pending"/> + <see cref="Reserved"/>. Wire name <c>amount</c>.</summary>
    public long Amount { get; set; }

    /// <summary>The available amount. Wire name <c>available</c>.</summary>
    public long Available { get; set; }

    /// <summary>The pending amount. Wire name <c>pending</c>.</summary>
    public long Pending { get; set; }

    /// <summary>The reserved amount. Wire name <c>reserved</c>.</summary>
    public long Reserved { get; set; }

    /// <summary>The amount available for instant payouts. Wire name <c>instant_payouts</c>.</summary>
    public long InstantPayouts { get; set; }
}
