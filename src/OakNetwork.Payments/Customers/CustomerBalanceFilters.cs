namespace OakNetwork.Payments;

/// <summary>The filters echoed in <see cref="CustomerBalances.Filters"/>.</summary>
public sealed class CustomerBalanceFilters
{
    /// <summary>The customer id. Wire name <c>customer_id</c>.</summary>
    public string? CustomerId { get; set; }

    /// <summary>The provider filter, if any. Wire name <c>provider</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>The role filter, if any. Wire name <c>role</c>.</summary>
    public string? Role { get; set; }
}
