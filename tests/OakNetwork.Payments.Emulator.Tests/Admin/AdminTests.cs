using System.Net;
using OakNetwork.Payments.Emulator.Admin;
using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Admin;

/// <summary>Admin operations that change global state (reset, faults): their own emulator, run one at a time.</summary>
public sealed class AdminTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await fixture.Anonymous.SendAsync(HttpMethod.Delete, "/_emulator/faults", null);

    [Fact]
    public async Task Reset_deletes_all_data_and_merchants_but_keeps_the_development_merchant()
    {
        var merchant = await fixture.NewMerchantAsync();
        var theirs = (await merchant.CreateCustomerAsync()).GetProperty("id").GetString();
        var ours = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString();

        var reply = await fixture.Anonymous.PostAsync("/_emulator/reset", null);

        Expect.Success(reply);
        Expect.Error(await merchant.GetAsync($"/api/v1/customers/{theirs}"), 401, "Invalid or expired token");
        Expect.Error(await fixture.Dev.GetAsync($"/api/v1/customers/{ours}"), 404);
        Assert.Equal(0, (await fixture.Dev.GetAsync("/api/v1/customers")).Data.GetProperty("count").GetInt64());
        Assert.False(string.IsNullOrEmpty(await fixture.TokenAsync("oak-dev-client", "oak-dev-secret")));
    }

    [Fact]
    public async Task Adding_a_merchant_twice_is_409_and_bad_input_is_400()
    {
        var clientId = "dup-" + Guid.NewGuid().ToString("N");
        var body = $$"""{"client_id":"{{clientId}}","client_secret":"s"}""";
        var created = await fixture.Anonymous.PostAsync("/_emulator/merchants", body);

        Expect.Success(created);
        Assert.Equal(clientId, created.Data.GetProperty("client_id").GetString());
        Assert.False(created.Data.TryGetProperty("client_secret", out _));
        Expect.Error(await fixture.Anonymous.PostAsync("/_emulator/merchants", body), 409);
        Expect.Error(await fixture.Anonymous.PostAsync("/_emulator/merchants", """{"client_id":5}"""), 400, null, "client_id", "client_secret");
    }

    [Fact]
    public async Task The_journal_lists_newest_requests_without_bodies_queries_or_secrets()
    {
        var email = $"journal{Guid.NewGuid():N}@example.com";
        await fixture.Dev.PostAsync("/api/v1/customers", $$"""{"email":"{{email}}"}""", new Dictionary<string, string> { ["Idempotency-Key"] = "journal-key" });
        await fixture.Dev.GetAsync($"/api/v1/customers?email={email}");

        var reply = await fixture.Anonymous.GetAsync("/_emulator/requests?limit=5");

        Expect.Success(reply);
        var entries = reply.Data.EnumerateArray().ToList();
        Assert.InRange(entries.Count, 2, 5);
        Assert.Equal("GET", entries[0].GetProperty("method").GetString());
        Assert.Equal("/api/v1/customers", entries[0].GetProperty("path").GetString());
        var post = entries[1];
        Assert.Equal("POST", post.GetProperty("method").GetString());
        Assert.Equal(200, post.GetProperty("status").GetInt32());
        Assert.Equal("journal-key", post.GetProperty("idempotency_key").GetString());
        Assert.False(string.IsNullOrEmpty(post.GetProperty("merchant_id").GetString()));
        Assert.StartsWith("req_", post.GetProperty("request_id").GetString());
        Assert.DoesNotContain(email, reply.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(fixture.Dev.Token!, reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("oak-dev-secret", reply.Body, StringComparison.Ordinal);
        Expect.Error(await fixture.Anonymous.GetAsync("/_emulator/requests?limit=0"), 400, null, "limit");
    }

    [Fact]
    public async Task Injected_errors_hit_api_paths_but_not_the_token_grant_or_admin_paths()
    {
        Expect.Success(await fixture.Anonymous.SendAsync(HttpMethod.Put, "/_emulator/faults", """{"error_rate":1,"error_status":503}"""));

        Expect.Error(await fixture.Dev.GetAsync("/api/v1/customers"), 503);
        Assert.False(string.IsNullOrEmpty(await fixture.TokenAsync("oak-dev-client", "oak-dev-secret")));
        Expect.Success(await fixture.Anonymous.GetAsync("/_emulator/faults"));

        Expect.Success(await fixture.Anonymous.SendAsync(HttpMethod.Delete, "/_emulator/faults", null));
        Expect.Success(await fixture.Dev.GetAsync("/api/v1/customers"));
    }

    [Fact]
    public async Task Faults_can_be_limited_to_a_path_prefix_and_added_latency_is_applied()
    {
        Expect.Success(await fixture.Anonymous.SendAsync(HttpMethod.Put, "/_emulator/faults", """{"error_rate":1,"error_status":500,"path_prefix":"/api/v1/customers/"}"""));
        Expect.Success(await fixture.Dev.GetAsync("/api/v1/customers"));
        Expect.Error(await fixture.Dev.GetAsync($"/api/v1/customers/{Guid.NewGuid()}"), 500);

        Expect.Success(await fixture.Anonymous.SendAsync(HttpMethod.Put, "/_emulator/faults", """{"latency_ms":300}"""));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Expect.Success(await fixture.Dev.GetAsync("/api/v1/customers"));
        Assert.True(watch.ElapsedMilliseconds >= 280, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Throttling_answers_429_with_retry_after_and_rate_limit_headers()
    {
        Expect.Success(await fixture.Anonymous.SendAsync(HttpMethod.Put, "/_emulator/faults", """{"throttle_per_second":2}"""));

        var replies = new List<Reply>();
        for (var i = 0; i < 6; i++)
        {
            replies.Add(await fixture.Dev.GetAsync("/api/v1/customers"));
        }

        var throttled = replies.First(r => r.Status == 429);
        Expect.Error(throttled, 429);
        Assert.Equal("1", throttled.Header("Retry-After"));
        Assert.Equal("2", throttled.Header("X-RateLimit-Limit"));
        Assert.Equal("0", throttled.Header("X-RateLimit-Remaining"));
        Assert.NotNull(throttled.Header("X-RateLimit-Reset"));
    }

    [Theory]
    [InlineData("""{"error_rate":2}""", "error_rate")]
    [InlineData("""{"error_status":200}""", "error_status")]
    [InlineData("""{"latency_ms":-1}""", "latency_ms")]
    [InlineData("""{"path_prefix":"api"}""", "path_prefix")]
    public async Task Invalid_fault_settings_are_400(string body, string field)
    {
        Expect.Error(await fixture.Anonymous.SendAsync(HttpMethod.Put, "/_emulator/faults", body), 400, null, field);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.5", false)]
    [InlineData("192.168.1.20", false)]
    [InlineData("fe80::1", false)]
    public void Only_loopback_addresses_reach_the_admin_api(string address, bool allowed)
    {
        Assert.Equal(allowed, LoopbackOnlyMiddleware.IsLoopback(IPAddress.Parse(address)));
        Assert.False(LoopbackOnlyMiddleware.IsLoopback(null));
    }
}
