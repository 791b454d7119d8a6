using System.Text.Json;
using OakNetwork.Payments.Tests.TestSupport;

namespace OakNetwork.Payments.Tests.Core;

/// <summary>Client-credentials grant, caching, expiry, sharing and the 401 refresh.</summary>
public class TokenProviderTests
{
    private const string Id = Responses.CustomerId;

    [Fact]
    public async Task Grant_posts_client_credentials_as_json()
    {
        using var h = Harness.Create(_ => Responses.Customer());

        await h.Customers.GetAsync(Id);

        var grant = Assert.Single(h.Handler.Requests, r => r.IsGrant);
        Assert.Equal("POST", grant.Method);
        using var body = JsonDocument.Parse(grant.Body);
        Assert.Equal("client-1", body.RootElement.GetProperty("client_id").GetString());
        Assert.Equal(Harness.ClientSecret, body.RootElement.GetProperty("client_secret").GetString());
        Assert.Equal("client_credentials", body.RootElement.GetProperty("grant_type").GetString());
        Assert.Null(grant.Header("Authorization"));
    }

    [Fact]
    public async Task Two_calls_share_one_grant()
    {
        using var h = Harness.Create(_ => Responses.Customer());

        await h.Customers.GetAsync(Id);
        await h.Customers.GetAsync(Id);

        Assert.Equal(1, h.Handler.GrantCount);
        Assert.All(h.Handler.ApiRequests, r => Assert.Equal("Bearer token-1", r.Header("Authorization")));
    }

    [Fact]
    public async Task Token_is_refreshed_60_seconds_before_expires_in()
    {
        using var h = Harness.Create(_ => Responses.Customer());
        await h.Customers.GetAsync(Id);

        h.Time.Advance(TimeSpan.FromSeconds(3600 - 61));
        await h.Customers.GetAsync(Id);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.Customers.GetAsync(Id);

        Assert.Equal(2, h.Handler.GrantCount);
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], h.Handler.ApiRequests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task Refresh_skew_is_configurable()
    {
        using var h = Harness.Create(_ => Responses.Customer(), o => o.TokenRefreshSkew = TimeSpan.FromMinutes(10));
        await h.Customers.GetAsync(Id);

        h.Time.Advance(TimeSpan.FromMinutes(50));
        await h.Customers.GetAsync(Id);

        Assert.Equal(2, h.Handler.GrantCount);
    }

    [Fact]
    public async Task Jwt_exp_claim_wins_over_expires_in()
    {
        using var h = Harness.Create(_ => Responses.Customer());
        var now = h.Time.GetUtcNow();
        h.Handler.Grant = (_, n) => Task.FromResult(Responses.Token(Responses.Jwt(now.AddSeconds(300), "m" + n), 3_600_000));

        await h.Customers.GetAsync(Id);
        h.Time.Advance(TimeSpan.FromSeconds(239));
        await h.Customers.GetAsync(Id);
        Assert.Equal(1, h.Handler.GrantCount);

        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.Customers.GetAsync(Id);
        Assert.Equal(2, h.Handler.GrantCount);
    }

    [Fact]
    public async Task Expires_in_is_capped_at_24_hours()
    {
        using var h = Harness.Create(_ => Responses.Customer());
        h.Handler.Grant = (_, n) => Task.FromResult(Responses.Token("opaque-" + n, 3_600_000)); // milliseconds reading: 41 days

        await h.Customers.GetAsync(Id);
        h.Time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(61));
        await h.Customers.GetAsync(Id);
        Assert.Equal(1, h.Handler.GrantCount);

        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.Customers.GetAsync(Id);
        Assert.Equal(2, h.Handler.GrantCount);
    }

    [Fact]
    public async Task Thousand_concurrent_calls_on_a_cold_client_make_exactly_one_grant()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var grantStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var h = Harness.Create(_ => Responses.Customer());
        h.Handler.Grant = async (_, n) =>
        {
            grantStarted.TrySetResult();
            await release.Task;
            return Responses.Token("token-" + n, 3600);
        };

        var calls = Enumerable.Range(0, 1000).Select(_ => h.Customers.GetAsync(Id)).ToArray();
        await grantStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        release.SetResult();
        var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(results, r => Assert.True(r.Ok));
        Assert.Equal(1, h.Handler.GrantCount);
        Assert.Equal(1000, h.Handler.ApiRequests.Count);
    }

    [Fact]
    public async Task Unauthorized_invalidates_the_token_refreshes_once_and_replays_once()
    {
        var calls = 0;
        using var h = Harness.Create(_ => Interlocked.Increment(ref calls) == 1
            ? Responses.Error(401, "Invalid or expired token", "authentication_error")
            : Responses.Customer());

        var result = await h.Customers.CreateAsync(new CreateCustomerRequest { Email = "a@example.com" });

        Assert.True(result.Ok, result.Error?.ToString());
        Assert.Equal(2, h.Handler.GrantCount);
        var sent = h.Handler.ApiRequests;
        Assert.Equal(["Bearer token-1", "Bearer token-2"], sent.Select(r => r.Header("Authorization")));
        Assert.Equal(sent[0].Header("Idempotency-Key"), sent[1].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Unauthorized_twice_is_returned_without_a_second_replay()
    {
        using var h = Harness.Create(_ => Responses.Error(401, "Invalid or expired token", "authentication_error"));

        var result = await h.Customers.GetAsync(Id);

        var error = Assert.IsType<ApiError>(result.Error);
        Assert.Equal(401, error.Status);
        Assert.Equal(2, h.Handler.GrantCount);
        Assert.Equal(2, h.Handler.ApiRequests.Count);
        Assert.DoesNotContain("token-", error.ToString());
    }

    [Fact]
    public async Task Grant_404_is_an_api_error_with_the_server_message()
    {
        using var h = Harness.Create(_ => Responses.Customer());
        h.Handler.Grant = (_, _) => Task.FromResult(Responses.Error(404, "Merchant not found or invalid credentials", "not_found"));

        var result = await h.Customers.GetAsync(Id);

        var error = Assert.IsType<ApiError>(result.Error);
        Assert.Equal(404, error.Status);
        Assert.Equal("Merchant not found or invalid credentials", error.Message);
        Assert.Empty(h.Handler.ApiRequests);
        Assert.DoesNotContain(Harness.ClientSecret, error.ToString() + error.RawBody + new OakException(error).Message);
    }

    [Fact]
    public async Task A_failed_grant_is_not_cached()
    {
        using var h = Harness.Create(_ => Responses.Customer());
        h.Handler.Grant = (_, n) => Task.FromResult(n == 1 ? Responses.Error(404, "Merchant not found", "not_found") : Responses.Token("token-" + n, 3600));

        var first = await h.Customers.GetAsync(Id);
        var second = await h.Customers.GetAsync(Id);

        Assert.False(first.Ok);
        Assert.True(second.Ok);
        Assert.Equal(2, h.Handler.GrantCount);
    }

    [Fact]
    public async Task Grant_answer_without_access_token_is_a_parse_error()
    {
        using var h = Harness.Create(_ => Responses.Customer());
        h.Handler.Grant = (_, _) => Task.FromResult(Responses.Json(200, """{"token_type":"Bearer"}"""));

        var result = await h.Customers.GetAsync(Id);

        Assert.IsType<ParseError>(result.Error);
    }

    [Theory]
    [InlineData(null, "secret")]
    [InlineData("client", null)]
    [InlineData("client", " ")]
    public async Task Missing_credentials_are_a_configuration_error_and_send_no_request(string? clientId, string? secret)
    {
        using var h = Harness.Create(_ => Responses.Customer(), o => { o.ClientId = clientId; o.ClientSecret = secret; });

        var result = await h.Customers.GetAsync(Id);

        Assert.IsType<ConfigurationError>(result.Error);
        Assert.Empty(h.Handler.Requests);
    }

    [Fact]
    public void Options_and_client_never_show_the_secret()
    {
        var options = new OakClientOptions { ClientId = "client-1", ClientSecret = Harness.ClientSecret };
        using var client = new OakClient(options);

        Assert.DoesNotContain(Harness.ClientSecret, options.ToString());
        Assert.Contains("client-1", options.ToString());
        Assert.DoesNotContain(Harness.ClientSecret, client.ToString());
    }

    [Fact]
    public void Environment_selects_the_base_url_and_BaseUrl_overrides_it()
    {
        using var sandbox = new OakClient(new OakClientOptions());
        using var production = new OakClient(new OakClientOptions { Environment = OakEnvironment.Production });
        using var custom = new OakClient(new OakClientOptions { Environment = OakEnvironment.Production, BaseUrl = new Uri("http://127.0.0.1:5080") });

        Assert.Equal(new Uri("https://sandbox-payments.oaknetwork.org"), sandbox.BaseUrl);
        Assert.Equal(new Uri("https://payments.oaknetwork.org"), production.BaseUrl);
        Assert.Equal(new Uri("http://127.0.0.1:5080"), custom.BaseUrl);
    }
}
