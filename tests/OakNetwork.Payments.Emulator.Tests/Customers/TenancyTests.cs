using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Customers;

public sealed class TenancyTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    public static TheoryData<string, string, string?> Endpoints => new()
    {
        { "GET", "", null },
        { "PUT", "", """{"first_name":"Mallory"}""" },
        { "POST", "/sync", """{"providers":"stripe","fields":["email"]}""" },
        { "GET", "/balances", null },
        { "GET", "/files", null },
        { "POST", "/platforms", """{"provider":"stripe"}""" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Another_merchants_customer_is_404_on_every_endpoint(string method, string suffix, string? body)
    {
        var owner = await fixture.NewMerchantAsync();
        var other = await fixture.NewMerchantAsync();
        var id = (await owner.CreateCustomerAsync("\"first_name\":\"Alice\"")).GetProperty("id").GetString();

        var reply = await other.SendAsync(new HttpMethod(method), $"/api/v1/customers/{id}{suffix}", body);

        Expect.Error(reply, 404, "Resource not found");
        var unchanged = await owner.GetCustomerAsync(id!);
        Assert.Equal("Alice", unchanged.GetProperty("first_name").GetString());
        Assert.Equal(0, unchanged.GetProperty("platforms").GetArrayLength());
        Assert.False(unchanged.GetProperty("synced").GetBoolean());
    }

    [Fact]
    public async Task Another_merchants_customer_is_404_for_upload()
    {
        var owner = await fixture.NewMerchantAsync();
        var other = await fixture.NewMerchantAsync();
        var id = (await owner.CreateCustomerAsync()).GetProperty("id").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/customers/{id}/files") { Content = SampleFiles.Form(("a.pdf", SampleFiles.Pdf, "application/pdf")) };

        Expect.Error(await other.SendAsync(request), 404);
        Assert.Equal(0, (await owner.GetAsync($"/api/v1/customers/{id}/files")).Data.GetArrayLength());
    }

    [Fact]
    public async Task Lists_show_only_the_merchants_own_customers_and_emails_are_unique_per_merchant_only()
    {
        var owner = await fixture.NewMerchantAsync();
        var other = await fixture.NewMerchantAsync();
        var email = $"shared{Guid.NewGuid():N}@example.com";
        await owner.CreateCustomerAsync(email: email);

        await other.CreateCustomerAsync(email: email);

        var list = await other.GetAsync("/api/v1/customers");
        Assert.Equal(1, list.Data.GetProperty("count").GetInt64());
        Assert.Equal(1, (await owner.GetAsync("/api/v1/customers")).Data.GetProperty("count").GetInt64());
    }
}
