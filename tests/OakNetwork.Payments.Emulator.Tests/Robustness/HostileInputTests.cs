using System.Text;
using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Robustness;

/// <summary>Malformed, oversized and wrongly typed input always gets a 4xx error envelope, never a 500.</summary>
public sealed class HostileInputTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly string Deep = new string('[', 5_000) + new string(']', 5_000);

    public static TheoryData<string> Bodies => new()
    {
        "{",
        "{\"email\":}",
        "not json at all",
        "[]",
        "\"just a string\"",
        "42",
        "null",
        "{\"email\":\"a@b.co\",}",
        "{\"email\":\"a@b.co\",\"email\":\"c@d.co\"}",
        "{/* comment */\"email\":\"a@b.co\"}",
        "{\"additional_info\":" + new string('[', 200) + new string(']', 200) + "}",
        Deep,
        "{\"email\":[1,2,{\"x\":null}],\"first_name\":{\"a\":1},\"monthly_net_income\":true}",
        "{\"email\":\"a@b.co\",\"monthly_net_income\":1" + new string('0', 400) + "}",
        "{\"email\":\"\\uD800\"}",
        "{\"provider\":\"stripe\",\"providers\":\"stripe\",\"fields\":[\"email\"],\"target_role\":{}}",
        "{\"email\":\"" + new string('a', 10_000) + "@example.com\",\"first_name\":\"" + new string('b', 10_000) + "\"}",
        "{\"email\":\"x'; DROP TABLE customers; --@example.com\",\"last_name\":\"Robert'); DROP TABLE customers;--\"}",
    };

    private async Task<IReadOnlyList<(HttpMethod Method, string Path)>> WriteEndpointsAsync()
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString();
        return
        [
            (HttpMethod.Post, "/api/v1/customers"),
            (HttpMethod.Put, $"/api/v1/customers/{id}"),
            (HttpMethod.Post, $"/api/v1/customers/{id}/sync"),
            (HttpMethod.Post, $"/api/v1/customers/{id}/platforms"),
            (HttpMethod.Post, "/api/v1/merchant/token/grant"),
            (HttpMethod.Post, "/_emulator/merchants"),
            (HttpMethod.Post, $"/_emulator/customers/{id}/balances"),
            (HttpMethod.Post, $"/_emulator/customers/{id}/registrations"),
            (HttpMethod.Put, "/_emulator/faults"),
        ];
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Every_json_endpoint_answers_a_hostile_body_with_a_4xx_envelope_or_a_valid_success(string body)
    {
        foreach (var (method, path) in await WriteEndpointsAsync())
        {
            var reply = await fixture.Dev.SendAsync(method, path, body);

            // Unknown members are ignored, so a hostile body may still be a valid request (e.g. for the faults).
            Assert.True(reply.Status is >= 200 and < 500, $"{method} {path}: {reply}");
            if (reply.Status >= 400)
            {
                Expect.ClientError(reply);
            }
            else
            {
                Expect.Success(reply);
            }
        }

        await fixture.Anonymous.SendAsync(HttpMethod.Delete, "/_emulator/faults", null);
    }

    [Fact]
    public async Task A_body_that_is_not_declared_as_json_is_415()
    {
        var reply = await fixture.Dev.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = new StringContent("{\"email\":\"a@b.co\"}") });

        Expect.Error(reply, 415, "Unsupported media type", "Content-Type");
        Assert.Equal("Content-Type must be application/json", reply.Json.GetProperty("failure_reasons")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400_envelope()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers")
        {
            Content = new ByteArrayContent([(byte)'{', (byte)'"', (byte)'e', 0xC3, 0x28, 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}']),
        };
        request.Content.Headers.ContentType = new("application/json");

        Expect.Error(await fixture.Dev.SendAsync(request), 400);
    }

    [Fact]
    public async Task An_empty_body_is_a_400_envelope()
    {
        Expect.Error(await fixture.Dev.SendAsync(HttpMethod.Post, "/api/v1/customers", ""), 400);
        Expect.Error(await fixture.Dev.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers")), 400);
    }

    [Fact]
    public async Task A_json_body_over_1_mib_is_413_and_just_under_is_parsed()
    {
        var huge = "{\"email\":\"big@example.com\",\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        Expect.Error(await fixture.Dev.PostAsync("/api/v1/customers", huge), 413);

        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge))) };
        chunked.Headers.TransferEncodingChunked = true;
        Expect.Error(await fixture.Dev.SendAsync(chunked), 413);

        var under = $$"""{"email":"under{{Guid.NewGuid():N}}@example.com","pad":"{{new string('x', 1_000_000)}}"}""";
        Expect.Success(await fixture.Dev.PostAsync("/api/v1/customers", under));
    }

    [Fact]
    public async Task Unknown_routes_and_methods_get_an_envelope_and_a_request_id()
    {
        Expect.Error(await fixture.Dev.GetAsync("/api/v1/nothing-here"), 404);
        Expect.Error(await fixture.Anonymous.GetAsync("/"), 404);
        var reply = await fixture.Dev.SendAsync(HttpMethod.Delete, $"/api/v1/customers/{Guid.NewGuid()}", null);
        Assert.Equal(405, reply.Status);
        Assert.Equal("validation_error", reply.Json.GetProperty("error_code").GetString());
        Assert.StartsWith("req_", reply.Header("X-Request-Id"));
    }

    [Fact]
    public async Task Every_response_carries_a_distinct_request_id()
    {
        var replies = new[]
        {
            await fixture.Anonymous.PostAsync("/api/v1/merchant/token/grant", """{"client_id":"oak-dev-client","client_secret":"oak-dev-secret","grant_type":"client_credentials"}"""),
            await fixture.Dev.GetAsync("/api/v1/customers"),
            await fixture.Anonymous.GetAsync("/api/v1/customers"),
            await fixture.Anonymous.GetAsync("/openapi/v1.json"),
            await fixture.Anonymous.GetAsync("/_emulator/requests"),
            await fixture.Anonymous.GetAsync("/downloads/x"),
        };

        Assert.All(replies, r => Assert.StartsWith("req_", r.Header("X-Request-Id")));
        Assert.Equal(replies.Length, replies.Select(r => r.Header("X-Request-Id")).Distinct().Count());
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("%27%3B%20DROP%20TABLE%20customers%3B--")]
    [InlineData("cus_%27%20OR%201%3D1")]
    public async Task Hostile_path_ids_are_4xx_on_every_customer_endpoint(string id)
    {
        foreach (var suffix in new[] { "", "/balances", "/files" })
        {
            Expect.ClientError(await fixture.Dev.GetAsync($"/api/v1/customers/{id}{suffix}"));
        }

        Expect.ClientError(await fixture.Dev.PutAsync($"/api/v1/customers/{id}", """{"first_name":"x"}"""));
        Expect.ClientError(await fixture.Dev.PostAsync($"/api/v1/customers/{id}/sync", """{"providers":"stripe","fields":["email"]}"""));
        Expect.ClientError(await fixture.Dev.PostAsync($"/api/v1/customers/{id}/platforms", """{"provider":"stripe"}"""));
    }

    [Fact]
    public async Task An_encoded_nul_in_the_path_is_refused_by_the_server_with_400()
    {
        // Kestrel refuses this request line before the application sees it, so there is no envelope to check.
        Assert.Equal(400, (await fixture.Dev.GetAsync("/api/v1/customers/%00")).Status);
    }
}
