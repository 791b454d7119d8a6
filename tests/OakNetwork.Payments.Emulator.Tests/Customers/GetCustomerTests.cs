using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Customers;

public sealed class GetCustomerTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Get_by_bare_uuid_returns_the_customer()
    {
        var created = await fixture.Dev.CreateCustomerAsync("\"first_name\":\"Bia\"");
        var id = created.GetProperty("id").GetString();

        var reply = await fixture.Dev.GetAsync($"/api/v1/customers/{id}");

        Expect.Success(reply);
        Assert.Equal(created.ToString(), reply.Data.ToString());
    }

    [Fact]
    public async Task Get_accepts_the_cus_prefix_and_answers_with_the_bare_uuid()
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString();

        var reply = await fixture.Dev.GetAsync($"/api/v1/customers/cus_{id}");

        Expect.Success(reply);
        Assert.Equal(id, reply.Data.GetProperty("id").GetString());
        Assert.Equal(id, reply.Data.GetProperty("customer_id").GetString());
    }

    [Theory]
    [InlineData("pm_123")]
    [InlineData("pay_3f2a1c9e-8a8b-4d5e-9f00-0a1b2c3d4e5f")]
    public async Task Get_with_another_resources_prefix_is_422(string id)
    {
        Expect.Error(await fixture.Dev.GetAsync($"/api/v1/customers/{id}"), 422, null, "id");
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("cus_nope")]
    [InlineData("3f2a1c9e-8a8b-4d5e-9f00-0a1b2c3d4e5f")]
    [InlineData("%27%20OR%201%3D1--")]
    public async Task Get_of_an_unknown_or_malformed_id_is_404_resource_not_found(string id)
    {
        Expect.Error(await fixture.Dev.GetAsync($"/api/v1/customers/{id}"), 404, "Resource not found");
    }
}
