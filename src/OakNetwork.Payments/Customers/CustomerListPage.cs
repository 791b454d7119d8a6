namespace OakNetwork.Payments;

/// <summary>
/// One page of <see cref="CustomerService.ListAsync"/> (the wire's <c>data</c> object). The type is not named
/// <c>CustomerList</c> because C# forbids a member named like its type, and the property keeps the wire name.
/// </summary>
public sealed class CustomerListPage
{
    /// <summary>The total number of customers matching the filters, ignoring limit and offset. Wire name <c>count</c>.</summary>
    public int Count { get; set; }

    /// <summary>The customers of this page. Wire name <c>customer_list</c>.</summary>
    public IReadOnlyList<Customer> CustomerList { get; set; } = [];
}
