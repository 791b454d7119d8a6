using System.Diagnostics;
using System.Text.Json.Nodes;
using OakNetwork.Payments.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OakNetwork.Payments.Reliability.Tests.Faults;

/// <summary>Answers slower than the per-try timeout: the SDK gives up each try, retries, and stops in bounded time.</summary>
public sealed class TimeoutTests(InProcessEmulator fixture, ITestOutputHelper output) : IClassFixture<InProcessEmulator>, IAsyncLifetime
{
    private static readonly TimeSpan TryTimeout = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(200);
    private const int MaxRetries = 2;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.ClearFaultsAsync();

    [Fact]
    public async Task Latency_beyond_the_per_try_timeout_is_retried_and_the_call_stays_bounded()
    {
        var merchant = await fixture.NewMerchantAsync();
        using var recorder = new RecordingHandler();
        using var http = recorder.CreateClient();
        using var client = fixture.Client(merchant, o =>
        {
            o.Timeout = TryTimeout;
            o.Retry = new RetryOptions { MaxRetries = MaxRetries, Delay = TimeSpan.FromMilliseconds(20), MaxDelay = MaxDelay };
        }, http);
        var id = (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = $"slow.{Guid.NewGuid():N}@example.com" })).EnsureOk().Data.Id!;
        var before = recorder.Sent;

        await fixture.SetFaultsAsync(new JsonObject { ["latency_ms"] = 5000, ["path_prefix"] = "/api/v1/customers" });
        var clock = Stopwatch.StartNew();
        var result = await client.Customers.GetAsync(id).WaitAsync(TimeSpan.FromSeconds(30));
        clock.Stop();

        var error = Assert.IsType<TimeoutError>(result.Error);
        var tries = recorder.Sent - before;
        // The bound: (retries + 1) x per-try timeout + the backoff waits (each at most MaxDelay).
        var bound = ((MaxRetries + 1) * TryTimeout) + (MaxRetries * MaxDelay);
        output.WriteLine($"{error.Message} after {tries} tries in {clock.ElapsedMilliseconds} ms (bound {bound.TotalMilliseconds} ms, server latency 5000 ms)");
        Assert.Equal(MaxRetries + 1, tries);
        Assert.True(clock.Elapsed >= (MaxRetries + 1) * TryTimeout * 0.9, $"{clock.ElapsedMilliseconds} ms: not every try waited for its timeout");
        Assert.True(clock.Elapsed < (bound * 2) + TimeSpan.FromSeconds(1), $"{clock.ElapsedMilliseconds} ms is past the bound {bound.TotalMilliseconds} ms (with margin)");
    }

    [Fact]
    public async Task The_callers_cancellation_stops_a_slow_call_at_once()
    {
        var merchant = await fixture.NewMerchantAsync();
        using var client = fixture.Client(merchant, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(30);
            o.Retry = new RetryOptions { MaxRetries = 5, Delay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromSeconds(1) };
        });
        var id = (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = $"cancel.{Guid.NewGuid():N}@example.com" })).EnsureOk().Data.Id!;

        await fixture.SetFaultsAsync(new JsonObject { ["latency_ms"] = 20_000, ["path_prefix"] = "/api/v1/customers" });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        var result = await client.Customers.GetAsync(id, cancellationToken: cancel.Token).WaitAsync(TimeSpan.FromSeconds(30));
        clock.Stop();

        output.WriteLine($"cancelled at 300 ms, returned at {clock.ElapsedMilliseconds} ms: {result.Error}");
        Assert.IsType<CanceledError>(result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(300 + 700), $"{clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task The_callers_cancellation_stops_a_call_waiting_between_retries_at_once()
    {
        var merchant = await fixture.NewMerchantAsync();
        using var client = fixture.Client(merchant, o =>
            o.Retry = new RetryOptions { MaxRetries = 5, Delay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(20) });
        var id = (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = $"backoff.{Guid.NewGuid():N}@example.com" })).EnsureOk().Data.Id!;

        await fixture.SetFaultsAsync(new JsonObject { ["error_rate"] = 1, ["error_status"] = 503, ["path_prefix"] = "/api/v1/customers" });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        var result = await client.Customers.GetAsync(id, cancellationToken: cancel.Token).WaitAsync(TimeSpan.FromSeconds(30));
        clock.Stop();

        output.WriteLine($"cancelled at 300 ms during a 10 s backoff, returned at {clock.ElapsedMilliseconds} ms: {result.Error}");
        Assert.IsType<CanceledError>(result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(300 + 700), $"{clock.ElapsedMilliseconds} ms");
    }
}
