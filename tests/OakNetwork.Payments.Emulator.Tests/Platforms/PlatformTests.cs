using System.Text.Json;
using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Platforms;

public sealed class PlatformTests(QuietJobsFixture fixture) : IClassFixture<QuietJobsFixture>
{
    [Fact]
    public async Task Populate_creates_a_registration_and_answers_with_all_of_them()
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString();

        var first = await fixture.Dev.PostAsync($"/api/v1/customers/{id}/platforms", """{"provider":"Stripe","bank_account":{"routing":"110000000"}}""");
        var second = await fixture.Dev.PostAsync($"/api/v1/customers/{id}/platforms", """{"provider":"bridge","target_role":"SUBACCOUNT"}""");

        Expect.Success(first);
        var registration = Assert.Single(first.Data.EnumerateArray());
        Assert.Equal(["provider", "target_role", "status", "readiness", "rejection_reason", "action_required", "created_at", "updated_at"], registration.EnumerateObject().Select(p => p.Name));
        Assert.Equal("stripe", registration.GetProperty("provider").GetString());
        Assert.Equal("customer", registration.GetProperty("target_role").GetString());
        Assert.Equal("submitted", registration.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, registration.GetProperty("rejection_reason").ValueKind);
        Expect.Success(second);
        Assert.Equal(["stripe/customer", "bridge/subaccount"], second.Data.EnumerateArray().Select(r => r.GetProperty("provider").GetString() + "/" + r.GetProperty("target_role").GetString()));
        var customer = await fixture.Dev.GetCustomerAsync(id!);
        Assert.Equal(2, customer.GetProperty("platforms").GetArrayLength());
        Assert.Equal("INITIATED", customer.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Populating_the_same_provider_and_role_again_updates_the_registration()
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString();
        var first = await fixture.Dev.PostAsync($"/api/v1/customers/{id}/platforms", """{"provider":"brla","target_role":"customer"}""");

        var again = await fixture.Dev.PostAsync($"/api/v1/customers/{id}/platforms", """{"provider":"BRLA","pix_key":"abc"}""");

        Expect.Success(again);
        var registration = Assert.Single(again.Data.EnumerateArray());
        Assert.Equal(first.Data[0].GetProperty("created_at").GetString(), registration.GetProperty("created_at").GetString());
    }

    [Theory]
    [InlineData("""{"provider":"paypal"}""", "provider")]
    [InlineData("""{"target_role":"customer"}""", "provider")]
    [InlineData("""{"provider":"stripe","target_role":"owner"}""", "target_role")]
    [InlineData("""{"provider":["stripe"]}""", "provider")]
    public async Task Populate_with_an_unknown_provider_or_role_is_400(string body, string field)
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString();

        Expect.Error(await fixture.Dev.PostAsync($"/api/v1/customers/{id}/platforms", body), 400, null, field);
    }

    [Fact]
    public async Task Populate_for_an_unknown_customer_is_404()
    {
        Expect.Error(await fixture.Dev.PostAsync($"/api/v1/customers/{Guid.NewGuid()}/platforms", """{"provider":"stripe"}"""), 404);
    }
}
