using System.Text.Json;
using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Customers;

public sealed class UpdateCustomerTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Update_leaves_absent_fields_unchanged_clears_null_ones_and_bumps_version()
    {
        var created = await fixture.Dev.CreateCustomerAsync("\"first_name\":\"Ana\",\"last_name\":\"Silva\",\"city\":\"Recife\"");
        var id = created.GetProperty("id").GetString();
        await Task.Delay(5);

        var reply = await fixture.Dev.PutAsync($"/api/v1/customers/{id}", """{"first_name":"Ana Maria","city":null}""");

        Expect.Success(reply);
        Assert.Equal("Customer updated successfully", reply.Json.GetProperty("msg").GetString());
        var updated = reply.Data;
        Assert.Equal("Ana Maria", updated.GetProperty("first_name").GetString());
        Assert.Equal("Silva", updated.GetProperty("last_name").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("city").ValueKind);
        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        Assert.False(updated.GetProperty("synced").GetBoolean());
        Assert.True(string.CompareOrdinal(updated.GetProperty("updated_at").GetString(), created.GetProperty("updated_at").GetString()) > 0);
        Assert.Equal(created.GetProperty("created_at").GetString(), updated.GetProperty("created_at").GetString());
        Assert.Equal(updated.ToString(), (await fixture.Dev.GetCustomerAsync(id!)).ToString());
    }

    [Fact]
    public async Task Update_that_changes_nothing_keeps_the_version()
    {
        var created = await fixture.Dev.CreateCustomerAsync("\"first_name\":\"Ana\"");
        var id = created.GetProperty("id").GetString();

        var reply = await fixture.Dev.PutAsync($"/api/v1/customers/{id}", """{"first_name":"Ana","last_name":null}""");

        Expect.Success(reply);
        Assert.Equal(1, reply.Data.GetProperty("version").GetInt64());
        Assert.Equal(created.GetProperty("updated_at").GetString(), reply.Data.GetProperty("updated_at").GetString());
    }

    [Fact]
    public async Task Update_cannot_clear_the_email()
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString();

        var reply = await fixture.Dev.PutAsync($"/api/v1/customers/{id}", """{"email":null}""");

        Expect.Error(reply, 400, null, "email");
        Assert.Equal("cannot_clear", reply.Json.GetProperty("failure_reasons")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Update_to_an_email_of_another_customer_is_400_customer_already_exists()
    {
        var taken = $"taken{Guid.NewGuid():N}@example.com";
        await fixture.Dev.CreateCustomerAsync(email: taken);
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString();

        var reply = await fixture.Dev.PutAsync($"/api/v1/customers/{id}", JsonSerializer.Serialize(new { email = taken.ToUpperInvariant() }));

        Expect.Error(reply, 400, "Customer already exists", "email");
    }

    [Fact]
    public async Task Update_may_change_the_case_of_the_customers_own_email()
    {
        var email = $"own{Guid.NewGuid():N}@example.com";
        var id = (await fixture.Dev.CreateCustomerAsync(email: email)).GetProperty("id").GetString();

        var reply = await fixture.Dev.PutAsync($"/api/v1/customers/{id}", JsonSerializer.Serialize(new { email = email.ToUpperInvariant() }));

        Expect.Success(reply);
        Assert.Equal(email.ToUpperInvariant(), reply.Data.GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("""{"gender":"robot"}""", "gender")]
    [InlineData("""{"dob":"2999-12-31"}""", "dob")]
    [InlineData("""{"first_name":["a"]}""", "first_name")]
    public async Task Update_validates_like_create(string body, string field)
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString();

        Expect.Error(await fixture.Dev.PutAsync($"/api/v1/customers/{id}", body), 400, null, field);
        Assert.Equal(1, (await fixture.Dev.GetCustomerAsync(id!)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Update_of_an_unknown_customer_is_404()
    {
        Expect.Error(await fixture.Dev.PutAsync($"/api/v1/customers/{Guid.NewGuid()}", """{"first_name":"x"}"""), 404, "Resource not found");
    }

    [Fact]
    public async Task Concurrent_updates_each_count_once_in_the_version()
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString();

        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => fixture.Dev.PutAsync($"/api/v1/customers/{id}", $$"""{"first_name":"n{{i}}"}""")));

        Assert.All(replies, r => Assert.Equal(200, r.Status));
        Assert.Equal(11, (await fixture.Dev.GetCustomerAsync(id!)).GetProperty("version").GetInt64());
    }
}
