using System.Text.Json;
using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Customers;

public sealed class SyncCustomerTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Sync_is_scheduled_then_finished_in_the_background()
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString()!;

        var reply = await fixture.Dev.PostAsync($"/api/v1/customers/{id}/sync", """{"providers":"stripe","fields":["email","first_name"]}""");

        Expect.Success(reply);
        Assert.Equal("Sync scheduled", reply.Json.GetProperty("msg").GetString());
        Assert.Equal(JsonValueKind.Null, reply.Data.ValueKind);
        Assert.False((await fixture.Dev.GetCustomerAsync(id)).GetProperty("synced").GetBoolean());
        await Expect.EventuallyAsync(async () => (await fixture.Dev.GetCustomerAsync(id)).GetProperty("synced").GetBoolean(), "the sync to finish");
        var synced = await fixture.Dev.GetCustomerAsync(id);
        Assert.EndsWith("Z", synced.GetProperty("synced_at").GetString());
        Assert.Equal(1, synced.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Sync_accepts_a_one_element_providers_array_case_insensitively()
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString()!;

        Expect.Success(await fixture.Dev.PostAsync($"/api/v1/customers/{id}/sync", """{"providers":["PAGAR_ME"],"fields":["shipping"]}"""));
    }

    [Fact]
    public async Task A_change_after_the_sync_was_scheduled_leaves_the_customer_unsynced()
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString()!;
        Expect.Success(await fixture.Dev.PostAsync($"/api/v1/customers/{id}/sync", """{"providers":"bridge","fields":["email"]}"""));
        Expect.Success(await fixture.Dev.PutAsync($"/api/v1/customers/{id}", """{"first_name":"Changed"}"""));

        await Expect.EventuallyAsync(async () => (await fixture.Dev.GetCustomerAsync(id)).GetProperty("synced_at").ValueKind == JsonValueKind.String, "the sync to finish");

        Assert.False((await fixture.Dev.GetCustomerAsync(id)).GetProperty("synced").GetBoolean());
    }

    [Theory]
    [InlineData("""{"providers":"paypal","fields":["email"]}""", "providers")]
    [InlineData("""{"providers":["stripe","bridge"],"fields":["email"]}""", "providers")]
    [InlineData("""{"providers":"facilita_pay","fields":["email"]}""", "providers")]
    [InlineData("""{"fields":["email"]}""", "providers")]
    [InlineData("""{"providers":"stripe"}""", "fields")]
    [InlineData("""{"providers":"stripe","fields":[]}""", "fields")]
    [InlineData("""{"providers":"stripe","fields":"email"}""", "fields")]
    [InlineData("""{"providers":"stripe","fields":["email","phone"]}""", "fields.1")]
    [InlineData("""{"providers":"stripe","fields":["email","EMAIL"]}""", "fields.1")]
    [InlineData("""{"providers":7,"fields":[1]}""", "providers")]
    public async Task Sync_with_an_invalid_provider_or_fields_is_400(string body, string field)
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString()!;

        Expect.Error(await fixture.Dev.PostAsync($"/api/v1/customers/{id}/sync", body), 400, "Invalid provider or fields", field);
    }

    [Fact]
    public async Task Sync_of_an_unknown_customer_is_404()
    {
        Expect.Error(await fixture.Dev.PostAsync($"/api/v1/customers/{Guid.NewGuid()}/sync", """{"providers":"stripe","fields":["email"]}"""), 404);
    }
}
