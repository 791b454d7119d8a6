namespace OakNetwork.Payments;

/// <summary>The filters of <see cref="CustomerService.BalanceAsync"/>. Both optional, comma-separated lists allowed.</summary>
public sealed class BalanceFilter
{
    /// <summary>Providers to include (for example <c>stripe</c>). Query name <c>provider</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>Roles to include (for example <c>customer</c>). Query name <c>role</c>.</summary>
    public string? Role { get; set; }
}
