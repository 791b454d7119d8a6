using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Hosting;

public sealed class OpenApiTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task The_openapi_document_describes_every_contract_endpoint_and_no_admin_one()
    {
        var reply = await fixture.Anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(200, reply.Status);
        var paths = reply.Json.GetProperty("paths");
        var operations = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => o.Name.ToUpperInvariant() + " " + p.Name)).ToHashSet();
        Assert.Superset(operations.Where(o => o.Contains("/api/v1/", StringComparison.Ordinal)).ToHashSet(), new HashSet<string>
        {
            "POST /api/v1/merchant/token/grant",
            "POST /api/v1/customers",
            "GET /api/v1/customers",
            "GET /api/v1/customers/{id}",
            "PUT /api/v1/customers/{id}",
            "POST /api/v1/customers/{id}/sync",
            "GET /api/v1/customers/{id}/balances",
            "POST /api/v1/customers/{id}/files",
            "GET /api/v1/customers/{id}/files",
            "POST /api/v1/customers/{id}/platforms",
        });
        Assert.DoesNotContain(operations, o => o.Contains("/_emulator", StringComparison.Ordinal));
        Assert.True(reply.Json.GetProperty("components").GetProperty("schemas").GetProperty("CustomerDto").GetProperty("properties").TryGetProperty("customer_id", out _));
    }
}
