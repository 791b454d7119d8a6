using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OakNetwork.Payments.Tests.TestSupport;

namespace OakNetwork.Payments.Tests.Core;

/// <summary>Retries, backoff waits on the fake clock, Retry-After, idempotency keys, timeouts and cancellation.</summary>
public class RetryTests
{
    private const string Id = Responses.CustomerId;

    [Fact]
    public async Task Service_unavailable_then_ok_succeeds()
    {
        using var h = Harness.Sequence(() => Responses.Error(503, "Provider unavailable", "provider_unavailable"), Responses.Customer);

        var result = await h.Customers.GetAsync(Id);

        Assert.True(result.Ok, result.Error?.ToString());
        Assert.Equal(2, h.Handler.ApiRequests.Count);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Transient_statuses_are_retried(int status)
    {
        using var h = Harness.Sequence(() => Responses.Error(status, "try again", "x"), Responses.Customer);

        var result = await h.Customers.GetAsync(Id);

        Assert.True(result.Ok);
        Assert.Equal(2, h.Handler.ApiRequests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    public async Task Client_errors_are_not_retried(int status)
    {
        using var h = Harness.Create(_ => Responses.Error(status, "no", "validation_error"));

        var result = await h.Customers.CreateAsync(new CreateCustomerRequest { Email = "a@example.com" });

        Assert.Equal(status, Assert.IsType<ApiError>(result.Error).Status);
        Assert.Single(h.Handler.ApiRequests);
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_and_return_the_last_error()
    {
        using var h = Harness.Create(_ => Responses.Error(503, "Provider unavailable", "provider_unavailable"), o => o.Retry.MaxRetries = 3);

        var result = await h.Customers.GetAsync(Id);

        var error = Assert.IsType<ApiError>(result.Error);
        Assert.Equal(503, error.Status);
        Assert.Equal("provider_unavailable", error.ErrorCode);
        Assert.Equal(4, h.Handler.ApiRequests.Count);
    }

    [Fact]
    public async Task Post_retries_reuse_one_idempotency_key()
    {
        using var h = Harness.Create(_ => Responses.Error(500, "boom", "internal_error"));

        await h.Customers.CreateAsync(new CreateCustomerRequest { Email = "a@example.com" });

        var keys = h.Handler.ApiRequests.Select(r => r.Header("Idempotency-Key")).ToList();
        Assert.Equal(3, keys.Count);
        Assert.Single(keys.Distinct());
        Assert.NotNull(keys[0]);
    }

    [Fact]
    public async Task Callers_idempotency_key_is_sent_and_each_call_otherwise_gets_a_new_one()
    {
        using var h = Harness.Create(_ => Responses.Customer());

        await h.Customers.CreateAsync(new CreateCustomerRequest { Email = "a@example.com" }, new RequestOptions { IdempotencyKey = "my-key" });
        await h.Customers.CreateAsync(new CreateCustomerRequest { Email = "a@example.com" });
        await h.Customers.CreateAsync(new CreateCustomerRequest { Email = "a@example.com" });

        var keys = h.Handler.ApiRequests.Select(r => r.Header("Idempotency-Key")).ToList();
        Assert.Equal("my-key", keys[0]);
        Assert.NotEqual(keys[1], keys[2]);
    }

    [Fact]
    public async Task Retry_after_seconds_is_waited_on_the_clock()
    {
        using var h = Harness.Sequence(() => Responses.Json(429, """{"msg":"slow down","data":null}""", ("Retry-After", "2")), Responses.Customer);

        var call = h.Customers.GetAsync(Id);
        Assert.Equal(TimeSpan.FromSeconds(2), await h.Time.NextTimerAsync());
        h.Time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.Single(h.Handler.ApiRequests);
        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await call;

        Assert.True(result.Ok, result.Error?.ToString());
        Assert.Equal(2, h.Handler.ApiRequests.Count);
    }

    [Fact]
    public async Task Retry_after_http_date_is_waited_on_the_clock()
    {
        var retryAt = RecordingTimeProvider.Start.AddSeconds(5).ToString("R", CultureInfo.InvariantCulture);
        var first = true;
        using var h = Harness.Create(_ =>
        {
            if (!first)
            {
                return Responses.Customer();
            }

            first = false;
            return Responses.Json(503, """{"msg":"down","data":null}""", ("Retry-After", retryAt));
        });

        var call = h.Customers.GetAsync(Id);
        Assert.Equal(TimeSpan.FromSeconds(5), await h.Time.NextTimerAsync());
        h.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.True((await call).Ok);
    }

    [Fact]
    public async Task Retry_after_is_capped_by_MaxDelay()
    {
        using var h = Harness.Sequence(() => Responses.Json(429, """{"msg":"slow down","data":null}""", ("Retry-After", "3600")), Responses.Customer);

        var call = h.Customers.GetAsync(Id);
        Assert.Equal(TimeSpan.FromSeconds(30), await h.Time.NextTimerAsync());
        h.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.True((await call).Ok);
    }

    [Fact]
    public async Task Backoff_is_exponential_with_jitter_and_capped()
    {
        using var h = Harness.Create(_ => Responses.Error(503, "down", "provider_unavailable"), o =>
        {
            o.Retry.Delay = TimeSpan.FromSeconds(1);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(3);
            o.Retry.MaxRetries = 4;
        });

        var call = h.Customers.GetAsync(Id);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var wait = await h.Time.NextTimerAsync();
            waits.Add(wait);
            h.Time.Advance(wait);
        }

        Assert.Equal(503, Assert.IsType<ApiError>((await call).Error).Status);
        Assert.Equal(5, h.Handler.ApiRequests.Count);
        Assert.All(waits, w => Assert.InRange(w, TimeSpan.Zero, TimeSpan.FromSeconds(3)));
        Assert.True(waits.Sum(w => w.TotalSeconds) > 2, string.Join(", ", waits));
    }

    [Fact]
    public async Task Cancellation_during_a_backoff_wait_ends_the_call()
    {
        using var h = Harness.Create(_ => Responses.Json(503, """{"msg":"down","data":null}""", ("Retry-After", "10")));
        using var cts = new CancellationTokenSource();

        var call = h.Customers.GetAsync(Id, cancellationToken: cts.Token);
        await h.Time.NextTimerAsync();
        await cts.CancelAsync();
        var result = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.IsType<CanceledError>(result.Error);
        Assert.Single(h.Handler.ApiRequests);
    }

    [Fact]
    public async Task Already_canceled_token_sends_nothing()
    {
        using var h = Harness.Create(_ => Responses.Customer());

        var result = await h.Customers.GetAsync(Id, cancellationToken: new CancellationToken(canceled: true));

        Assert.IsType<CanceledError>(result.Error);
        Assert.Empty(h.Handler.Requests);
    }

    [Fact]
    public async Task A_try_that_exceeds_the_timeout_is_a_timeout_error()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var h = Harness.Create(
            async (_, ct) =>
            {
                entered.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
                return Responses.Customer();
            },
            o => { o.Timeout = TimeSpan.FromSeconds(5); o.Retry.MaxRetries = 0; });

        var call = h.Customers.GetAsync(Id);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(5), h.Time.Started.Last()); // the per-try timeout is armed before sending
        h.Time.Advance(TimeSpan.FromSeconds(5));

        var error = Assert.IsType<TimeoutError>((await call.WaitAsync(TimeSpan.FromSeconds(10))).Error);
        Assert.Equal(TimeSpan.FromSeconds(5), error.Timeout);
    }

    [Fact]
    public async Task Per_call_timeout_overrides_the_client_timeout()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var h = Harness.Create(
            async (_, ct) =>
            {
                entered.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
                return Responses.Customer();
            },
            o => { o.Timeout = TimeSpan.FromSeconds(30); o.Retry.MaxRetries = 0; });

        var call = h.Customers.GetAsync(Id, new RequestOptions { Timeout = TimeSpan.FromSeconds(2) });
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(2), h.Time.Started.Last());
        h.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.IsType<TimeoutError>((await call.WaitAsync(TimeSpan.FromSeconds(10))).Error);
    }

    [Fact]
    public async Task A_timed_out_try_is_retried()
    {
        var tries = 0;
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var h = Harness.Create(
            async (_, ct) =>
            {
                if (Interlocked.Increment(ref tries) == 1)
                {
                    entered.TrySetResult();
                    await Task.Delay(Timeout.Infinite, ct);
                }

                return Responses.Customer();
            },
            o => o.Timeout = TimeSpan.FromSeconds(5));

        var call = h.Customers.GetAsync(Id);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        h.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.True((await call.WaitAsync(TimeSpan.FromSeconds(10))).Ok);
        Assert.Equal(2, tries);
    }

    [Fact]
    public async Task Connection_refused_is_a_network_error()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient(new GrantOnlyStub { InnerHandler = new SocketsHttpHandler() });
        using var client = new OakClient(
            new OakClientOptions
            {
                BaseUrl = new Uri($"http://127.0.0.1:{port}"), ClientId = "c", ClientSecret = "s",
                Retry = new RetryOptions { MaxRetries = 1, Delay = TimeSpan.Zero },
            },
            http);

        var result = await client.Customers.GetAsync(Id);

        var error = Assert.IsType<NetworkError>(result.Error);
        Assert.IsType<HttpRequestException>(error.Exception);
    }

    /// <summary>Answers the token grant itself and passes every other request to the real network stack.</summary>
    private sealed class GrantOnlyStub : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => request.RequestUri!.AbsolutePath.EndsWith("/token/grant", StringComparison.Ordinal)
                ? Task.FromResult(Responses.Token("t", 3600))
                : base.SendAsync(request, cancellationToken);
    }
}
