using System.Text.Json;
using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Balances;

public sealed class BalanceTests(QuietJobsFixture fixture) : IClassFixture<QuietJobsFixture>
{
    [Fact]
    public async Task A_customer_without_registrations_has_no_balances()
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString();

        var reply = await fixture.Dev.GetAsync($"/api/v1/customers/{id}/balances");

        Expect.Success(reply);
        Assert.Equal(0, reply.Data.GetProperty("balances").GetArrayLength());
        Assert.EndsWith("Z", reply.Data.GetProperty("as_of").GetString());
        var filters = reply.Data.GetProperty("filters");
        Assert.Equal(id, filters.GetProperty("customer_id").GetString());
        Assert.Equal(JsonValueKind.Null, filters.GetProperty("provider").ValueKind);
        Assert.Equal(JsonValueKind.Null, filters.GetProperty("role").ValueKind);
    }

    [Fact]
    public async Task Each_registration_opens_an_account_and_totals_add_up()
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString();
        Expect.Success(await fixture.Dev.PostAsync($"/api/v1/customers/{id}/platforms", """{"provider":"stripe","target_role":"connected_account"}"""));
        Expect.Success(await fixture.Dev.PostAsync($"/api/v1/customers/{id}/platforms", """{"provider":"brla"}"""));
        var set = await fixture.Anonymous.PostAsync($"/_emulator/customers/{id}/balances",
            """{"provider":"stripe","role":"connected_account","currency":"USD","available":1000,"pending":500,"reserved":25}""");
        Expect.Success(set);

        var reply = await fixture.Dev.GetAsync($"/api/v1/customers/{id}/balances");

        Expect.Success(reply);
        var balances = reply.Data.GetProperty("balances").EnumerateArray().ToList();
        Assert.Equal(2, balances.Count);
        var stripe = balances.Single(b => b.GetProperty("provider").GetString() == "stripe");
        Assert.StartsWith("acct_", stripe.GetProperty("account_id").GetString());
        Assert.Equal(id, stripe.GetProperty("customer").GetProperty("id").GetString());
        Assert.Equal("connected_account", stripe.GetProperty("customer").GetProperty("role").GetString());
        var total = Assert.Single(stripe.GetProperty("totals").EnumerateArray());
        Assert.Equal("usd", total.GetProperty("currency").GetString());
        Assert.Equal(1525, total.GetProperty("amount").GetInt64());
        Assert.Equal(1000, total.GetProperty("available").GetInt64());
        Assert.Equal(500, total.GetProperty("pending").GetInt64());
        Assert.Equal(25, total.GetProperty("reserved").GetInt64());
        Assert.Equal(0, total.GetProperty("instant_payouts").GetInt64());
        var brla = balances.Single(b => b.GetProperty("provider").GetString() == "brla");
        Assert.Equal("customer", brla.GetProperty("customer").GetProperty("role").GetString());
        Assert.Equal(0, brla.GetProperty("totals")[0].GetProperty("amount").GetInt64());

        var filtered = await fixture.Dev.GetAsync($"/api/v1/customers/{id}/balances?provider=STRIPE,bridge&role=connected_account");
        Assert.Single(filtered.Data.GetProperty("balances").EnumerateArray());
        Assert.Equal("stripe,bridge", filtered.Data.GetProperty("filters").GetProperty("provider").GetString());
        Assert.Equal("connected_account", filtered.Data.GetProperty("filters").GetProperty("role").GetString());
        Assert.Empty((await fixture.Dev.GetAsync($"/api/v1/customers/{id}/balances?role=subaccount")).Data.GetProperty("balances").EnumerateArray());
    }

    [Theory]
    [InlineData("provider=paypal", "provider")]
    [InlineData("role=admin", "role")]
    [InlineData("provider=%27%20OR%201%3D1", "provider")]
    public async Task An_unknown_filter_value_is_400(string query, string field)
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString();

        Expect.Error(await fixture.Dev.GetAsync($"/api/v1/customers/{id}/balances?{query}"), 400, null, field);
    }

    [Fact]
    public async Task Balances_of_an_unknown_customer_are_404()
    {
        Expect.Error(await fixture.Dev.GetAsync($"/api/v1/customers/{Guid.NewGuid()}/balances"), 404);
    }
}
