using OakNetwork.Payments.Tests.TestSupport;

namespace OakNetwork.Payments.Tests.Telemetry;

/// <summary>The operation-duration histogram, the retry counter and the token-refresh counter.</summary>
public class MetricsTests
{
    private const string Id = Responses.CustomerId;

    [Fact]
    public async Task Operation_duration_is_recorded_in_seconds_with_operation_and_status()
    {
        using var capture = new TelemetryCapture();
        Harness? harness = null;
        using var h = harness = Harness.Create(
            _ =>
            {
                harness!.Time.Advance(TimeSpan.FromMilliseconds(1500));
                return Responses.Customer();
            },
            o => o.BaseUrl = capture.BaseUrl);

        await h.Customers.GetAsync(Id);

        var duration = Assert.Single(capture.Of(OakTelemetry.OperationDurationInstrumentName));
        Assert.Equal("s", duration.Unit);
        Assert.Equal(1.5, duration.Value, 6);
        Assert.Equal("customers.get", duration.Tag("oak.operation"));
        Assert.Equal("GET", duration.Tag("http.request.method"));
        Assert.Equal("/api/v1/customers/{id}", duration.Tag("url.template"));
        Assert.Equal(200, duration.Tag("http.response.status_code"));
        Assert.False(duration.Tags.ContainsKey("error.type"));
    }

    [Fact]
    public async Task A_failed_operation_is_recorded_with_its_error_type()
    {
        using var capture = new TelemetryCapture();
        using var h = Harness.Create(_ => Responses.Error(422, "Invalid", "validation_error"), o => o.BaseUrl = capture.BaseUrl);

        await h.Customers.CreateAsync(new CreateCustomerRequest { Email = "a@example.com" });

        var duration = Assert.Single(capture.Of(OakTelemetry.OperationDurationInstrumentName));
        Assert.Equal("customers.create", duration.Tag("oak.operation"));
        Assert.Equal(422, duration.Tag("http.response.status_code"));
        Assert.Equal("422", duration.Tag("error.type"));
    }

    [Fact]
    public async Task Each_retry_is_counted_with_the_reason_of_the_failed_try()
    {
        using var capture = new TelemetryCapture();
        var calls = 0;
        using var h = Harness.Create(
            _ => Interlocked.Increment(ref calls) switch
            {
                1 => Responses.Error(503, "Provider unavailable", "provider_unavailable"),
                2 => Responses.Error(429, "Slow down", "rate_limited"),
                _ => Responses.Customer(),
            },
            o => o.BaseUrl = capture.BaseUrl);

        await h.Customers.GetAsync(Id);

        var retries = capture.Of(OakTelemetry.RetriesInstrumentName);
        Assert.Equal(2, retries.Count);
        Assert.All(retries, r => Assert.Equal(1, r.Value));
        Assert.All(retries, r => Assert.Equal("customers.get", r.Tag("oak.operation")));
        Assert.Equal(["503", "429"], retries.Select(r => r.Tag("error.type")));
        Assert.Single(capture.Of(OakTelemetry.OperationDurationInstrumentName));
    }

    [Fact]
    public async Task Token_refreshes_are_counted_once_per_grant_not_per_call()
    {
        using var capture = new TelemetryCapture();
        var calls = 0;
        using var h = Harness.Create(
            _ => Interlocked.Increment(ref calls) == 3 ? Responses.Error(401, "Token revoked", "unauthorized") : Responses.Customer(),
            o => o.BaseUrl = capture.BaseUrl);

        await h.Customers.GetAsync(Id);
        await h.Customers.GetAsync(Id);
        Assert.Single(capture.Of(OakTelemetry.TokenRefreshesInstrumentName));

        await h.Customers.GetAsync(Id); // 401: a new token, then the replay

        var refreshes = capture.Of(OakTelemetry.TokenRefreshesInstrumentName);
        Assert.Equal(2, refreshes.Count);
        Assert.All(refreshes, r => Assert.False(r.Tags.ContainsKey("error.type")));
        Assert.Equal(2, h.Handler.GrantCount);
    }

    [Fact]
    public async Task A_refused_token_grant_is_counted_with_its_error_type()
    {
        using var capture = new TelemetryCapture();
        using var h = Harness.Create(_ => Responses.Customer(), o => o.BaseUrl = capture.BaseUrl);
        h.Handler.Grant = (_, _) => Task.FromResult(Responses.Error(401, "Invalid client credentials", "invalid_client"));

        var result = await h.Customers.GetAsync(Id);

        Assert.Equal(401, Assert.IsType<ApiError>(result.Error).Status);
        var refresh = Assert.Single(capture.Of(OakTelemetry.TokenRefreshesInstrumentName));
        Assert.Equal("401", refresh.Tag("error.type"));
        Assert.Equal("401", Assert.Single(capture.Of(OakTelemetry.OperationDurationInstrumentName)).Tag("error.type"));
    }
}
