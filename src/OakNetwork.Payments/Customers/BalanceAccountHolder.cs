namespace OakNetwork.Payments;

/// <summary>The holder of a balance account: <see cref="CustomerBalance.Customer"/>.</summary>
public sealed class BalanceAccountHolder
{
    /// <summary>The customer id. Wire name <c>id</c>.</summary>
    public string? Id { get; set; }

    /// <summary>The role of the account. Wire name <c>role</c>.</summary>
    public TargetRole Role { get; set; }
}
