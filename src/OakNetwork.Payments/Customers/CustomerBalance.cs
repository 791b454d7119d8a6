namespace OakNetwork.Payments;

/// <summary>The balance of one provider account of a customer.</summary>
public sealed class CustomerBalance
{
    /// <summary>The provider's account id. Wire name <c>account_id</c>.</summary>
    public string? AccountId { get; set; }

    /// <summary>The provider. Wire name <c>provider</c>.</summary>
    public Provider Provider { get; set; }

    /// <summary>The customer and the role the account plays. Wire name <c>customer</c>.</summary>
    public BalanceAccountHolder? Customer { get; set; }

    /// <summary>When the balance was read. Wire name <c>as_of</c>.</summary>
    public DateTimeOffset? AsOf { get; set; }

    /// <summary>One total per currency. Wire name <c>totals</c>.</summary>
    public IReadOnlyList<BalanceTotal> Totals { get; set; } = [];
}
