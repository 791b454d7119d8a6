using System.Text.Json;
using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Customers;

public sealed class ListCustomersTests(QuietJobsFixture fixture) : IClassFixture<QuietJobsFixture>
{
    private static List<string> Ids(Reply reply) =>
        reply.Data.GetProperty("customer_list").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task List_returns_count_and_newest_first_with_paging_headers()
    {
        var api = await fixture.NewMerchantAsync();
        var created = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            created.Add((await api.CreateCustomerAsync()).GetProperty("id").GetString()!);
        }

        var first = await api.GetAsync("/api/v1/customers");

        Expect.Success(first);
        Assert.Equal(12, first.Data.GetProperty("count").GetInt64());
        created.Reverse();
        Assert.Equal(created.Take(10), Ids(first));
        Assert.Equal("10", first.Header("X-Limit-Requested"));
        Assert.Equal("10", first.Header("X-Limit-Applied"));
        Assert.Equal("0", first.Header("X-Offset-Requested"));
        Assert.Equal("0", first.Header("X-Offset-Applied"));

        var second = await api.GetAsync("/api/v1/customers?limit=5&offset=10");
        Assert.Equal(12, second.Data.GetProperty("count").GetInt64());
        Assert.Equal(created.Skip(10), Ids(second));
        Assert.Equal("5", second.Header("X-Limit-Applied"));
        Assert.Equal("10", second.Header("X-Offset-Applied"));

        var beyond = await api.GetAsync("/api/v1/customers?offset=50");
        Assert.Equal(12, beyond.Data.GetProperty("count").GetInt64());
        Assert.Empty(Ids(beyond));
    }

    [Fact]
    public async Task Limit_above_100_is_clamped_unless_strict()
    {
        var api = await fixture.NewMerchantAsync();

        var clamped = await api.GetAsync("/api/v1/customers?limit=500");
        Expect.Success(clamped);
        Assert.Equal("500", clamped.Header("X-Limit-Requested"));
        Assert.Equal("100", clamped.Header("X-Limit-Applied"));

        var huge = await api.GetAsync("/api/v1/customers?limit=99999999999999999999999");
        Expect.Success(huge);
        Assert.Equal("100", huge.Header("X-Limit-Applied"));

        Expect.Error(await api.GetAsync("/api/v1/customers?limit=500&strict=true"), 400, null, "limit");
        Expect.Success(await api.GetAsync("/api/v1/customers?limit=100&strict=true"));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=1.5", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("offset=x", "offset")]
    [InlineData("offset=99999999999", "offset")]
    [InlineData("strict=maybe", "strict")]
    [InlineData("limit=1&limit=2", "limit")]
    public async Task Malformed_paging_is_400_naming_the_parameter(string query, string field)
    {
        Expect.Error(await fixture.Dev.GetAsync("/api/v1/customers?" + query), 400, null, field);
    }

    [Fact]
    public async Task Filters_take_case_insensitive_comma_lists_and_combine_with_and()
    {
        var api = await fixture.NewMerchantAsync();
        var a = (await api.CreateCustomerAsync("\"country_code\":\"BR\",\"document_type\":\"cpf\"", email: "Alpha@Example.com")).GetProperty("id").GetString()!;
        var b = (await api.CreateCustomerAsync("\"country_code\":\"US\",\"document_type\":\"ssn\"", email: "beta@example.com")).GetProperty("id").GetString()!;
        var c = (await api.CreateCustomerAsync("\"country_code\":\"br\",\"document_type\":\"passport\"", email: "gamma@example.com")).GetProperty("id").GetString()!;

        Assert.Equal([c, a], Ids(await api.GetAsync("/api/v1/customers?country_code=Br")));
        Assert.Equal([b, a], Ids(await api.GetAsync("/api/v1/customers?email=ALPHA@example.com,%20Beta@Example.COM")));
        Assert.Equal([c, b], Ids(await api.GetAsync("/api/v1/customers?document_type=SSN,passport")));
        var both = await api.GetAsync("/api/v1/customers?country_code=br&document_type=cpf,ssn");
        Assert.Equal([a], Ids(both));
        Assert.Equal(1, both.Data.GetProperty("count").GetInt64());
        Assert.Empty(Ids(await api.GetAsync("/api/v1/customers?email=nobody@example.com")));
    }

    [Fact]
    public async Task Registration_filters_must_all_match_one_and_the_same_registration()
    {
        var api = await fixture.NewMerchantAsync();
        var a = (await api.CreateCustomerAsync()).GetProperty("id").GetString()!;
        var b = (await api.CreateCustomerAsync()).GetProperty("id").GetString()!;
        // a: stripe as customer (approved), bridge as connected_account (submitted)
        Assert.Equal(200, (await api.PostAsync($"/api/v1/customers/{a}/platforms", """{"provider":"stripe","target_role":"customer"}""")).Status);
        Assert.Equal(200, (await api.PostAsync($"/api/v1/customers/{a}/platforms", """{"provider":"bridge","target_role":"connected_account"}""")).Status);
        Assert.Equal(200, (await fixture.Anonymous.PostAsync($"/_emulator/customers/{a}/registrations", """{"provider":"stripe","target_role":"customer","status":"approved"}""")).Status);
        // b: stripe as connected_account (submitted)
        Assert.Equal(200, (await api.PostAsync($"/api/v1/customers/{b}/platforms", """{"provider":"STRIPE","target_role":"connected_account"}""")).Status);

        Assert.Equal([b, a], Ids(await api.GetAsync("/api/v1/customers?provider=stripe")));
        Assert.Equal([b], Ids(await api.GetAsync("/api/v1/customers?provider=stripe&target_role=connected_account")));
        Assert.Equal([a], Ids(await api.GetAsync("/api/v1/customers?provider=Stripe&provider_registration_status=APPROVED")));
        Assert.Empty(Ids(await api.GetAsync("/api/v1/customers?provider=bridge&provider_registration_status=approved")));
        Assert.Equal([b, a], Ids(await api.GetAsync("/api/v1/customers?provider_registration_status=submitted,approved&target_role=connected_account,customer")));
    }

    [Theory]
    [InlineData("email")]
    [InlineData("country_code")]
    [InlineData("document_type")]
    [InlineData("provider")]
    [InlineData("provider_registration_status")]
    [InlineData("target_role")]
    [InlineData("limit")]
    [InlineData("offset")]
    [InlineData("strict")]
    public async Task Hostile_values_in_every_filter_are_a_4xx_envelope(string parameter)
    {
        string[] hostile =
        [
            "' OR '1'='1", "x'; DROP TABLE customers; --", "\") OR 1=1 --", "%", "_", "a,b,,c", "\u0000", "a\u0001b", "line\r\nbreak",
            new string('a', 10_000), new string('é', 3_000), "🙂", "null", "-0", "1e3",
        ];
        foreach (var value in hostile)
        {
            var reply = await fixture.Dev.GetAsync($"/api/v1/customers?{parameter}={Uri.EscapeDataString(value)}");
            Assert.True(reply.Status < 500, $"{parameter}={value}: {reply}");
            if (reply.Status != 200)
            {
                Expect.ClientError(reply);
            }
        }

        Expect.ClientError(await fixture.Dev.GetAsync($"/api/v1/customers?{parameter}=%ED%A0%80%FF%00"));
        Assert.Equal(JsonValueKind.Object, (await fixture.Dev.GetAsync("/api/v1/customers")).Data.ValueKind);
    }
}
