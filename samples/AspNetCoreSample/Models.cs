using System.Text.Json;
using System.Text.Json.Serialization;
using OakNetwork.Payments;

namespace AspNetCoreSample;

/// <summary>The body of <c>POST /customers</c>.</summary>
internal sealed record NewCustomer(string? Email, string? FirstName, string? LastName);

/// <summary>What the sample returns for a customer (the app's own shape, not the SDK's model).</summary>
internal sealed record CustomerSummary(string? Id, string? Email, string? FirstName, string? LastName, string Status)
{
    public static CustomerSummary From(Customer customer)
        => new(customer.Id, customer.Email, customer.FirstName, customer.LastName, customer.Status.ToString());
}

/// <summary>The answer of <c>GET /customers</c>.</summary>
internal sealed record CustomerPage(int Count, IReadOnlyList<CustomerSummary> Customers);

/// <summary>Source-generated JSON for the sample's own types (the slim builder has no reflection fallback).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(NewCustomer))]
[JsonSerializable(typeof(CustomerSummary))]
[JsonSerializable(typeof(CustomerPage))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
internal sealed partial class SampleJsonContext : JsonSerializerContext;
