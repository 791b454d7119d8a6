namespace OakNetwork.Payments;

/// <summary>The balances of a customer (<see cref="CustomerService.BalanceAsync"/>).</summary>
public sealed class CustomerBalances
{
    /// <summary>When the balances were read. Wire name <c>as_of</c>.</summary>
    public DateTimeOffset? AsOf { get; set; }

    /// <summary>The filters that were applied. Wire name <c>filters</c>.</summary>
    public CustomerBalanceFilters? Filters { get; set; }

    /// <summary>One entry per (provider, role) account the customer holds. Wire name <c>balances</c>.</summary>
    public IReadOnlyList<CustomerBalance> Balances { get; set; } = [];
}
