using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using OakNetwork.Payments.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OakNetwork.Payments.Reliability.Tests.Crashes;

/// <summary>SIGTERM during a load: the emulator answers the requests it already has, then exits cleanly.</summary>
[Trait("Category", "Slow")]
public sealed class GracefulStopTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oak-sigterm-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Sigterm_during_load_answers_the_requests_in_flight_before_exiting()
    {
        var data = Path.Combine(_folder, "emulator.db");
        var port = EmulatorProcess.FreePort();
        var emulator = await EmulatorProcess.StartAsync(port, data);
        await using var _ = emulator;
        using var admin = new HttpClient { BaseAddress = emulator.BaseUrl };
        var merchant = await InProcessEmulator.NewMerchantAsync(admin);
        using var client = InProcessEmulator.CreateClient(emulator.BaseUrl, merchant, o =>
        {
            o.Retry = new RetryOptions { MaxRetries = 0 };
            o.Timeout = TimeSpan.FromSeconds(20);
        });
        (await client.Customers.ListAsync()).EnsureOk(); // token in hand before the load

        // Every API request spends 600 ms in the server, so at any moment several are in flight.
        await InProcessEmulator.SetFaultsAsync(admin, new JsonObject { ["latency_ms"] = 600, ["path_prefix"] = "/api/v1/customers" });
        var clock = Stopwatch.StartNew();
        var calls = new ConcurrentBag<(TimeSpan Started, TimeSpan Ended, string? Id, string Email, OakError? Error)>();
        var outstanding = new ConcurrentDictionary<string, TimeSpan>();
        using var stopLoad = new CancellationTokenSource();
        var load = Enumerable.Range(0, 12).Select(worker => Task.Run(async () =>
        {
            // Staggered starts (50 ms apart, 12 workers, 600 ms per request) keep requests in every phase of their
            // 600 ms, whenever SIGTERM lands; in lockstep, a whole batch could start just before it.
            await Task.Delay(worker * 50);
            for (var n = 0; !stopLoad.IsCancellationRequested; n++)
            {
                var email = $"term.{worker}.{n}.{Guid.NewGuid():N}@example.com";
                var started = clock.Elapsed;
                outstanding[email] = started;
                var result = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = email });
                outstanding.TryRemove(email, out TimeSpan _);
                calls.Add((started, clock.Elapsed, result.Ok ? result.Value.Data.Id : null, email, result.Error));
                if (!result.Ok)
                {
                    await Task.Delay(20);
                }
            }
        })).ToList();

        // SIGTERM once some request has been inside the server for a while (the server can stall and bunch requests,
        // so a fixed moment may fall just after a whole batch started).
        await Task.Delay(1000);
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(10);
        while (!outstanding.Values.Any(started => clock.Elapsed - started > TimeSpan.FromMilliseconds(250)) && clock.Elapsed < deadline)
        {
            await Task.Delay(10);
        }

        var terminatedAt = clock.Elapsed;
        emulator.Terminate();
        await emulator.WaitForExitAsync(TimeSpan.FromSeconds(20));
        var exitedAt = clock.Elapsed;
        await stopLoad.CancelAsync();
        await Task.WhenAll(load);

        // Requests sent at least 150 ms before SIGTERM were surely inside the server (in its 600 ms wait).
        var inFlight = calls.Where(c => c.Started < terminatedAt - TimeSpan.FromMilliseconds(150) && c.Ended > terminatedAt).ToList();
        var after = calls.Where(c => c.Started > exitedAt).ToList();
        output.WriteLine($"SIGTERM at {terminatedAt.TotalSeconds:0.00} s, exit code {emulator.ExitCode} at {exitedAt.TotalSeconds:0.00} s; {calls.Count} calls, {inFlight.Count} in flight at SIGTERM: {inFlight.Count(c => c.Error is null)} answered 200; {after.Count} sent after the exit, refused");
        foreach (var error in calls.Where(c => c.Error is not null).Select(c => c.Error!.GetType().Name + ": " + c.Error.Message).Distinct().Take(5))
        {
            output.WriteLine("error seen: " + error);
        }

        Assert.Equal(0, emulator.ExitCode);
        Assert.NotEmpty(inFlight);
        Assert.All(inFlight, c => Assert.True(c.Error is null, $"in-flight create failed: {c.Error}"));
        Assert.Contains("Stopped.", emulator.Output);

        // What was answered is stored: restart on the same file and look.
        await using var second = await EmulatorProcess.StartAsync(port, data);
        using var reader = InProcessEmulator.CreateClient(second.BaseUrl, merchant);
        var stored = new HashSet<string>();
        await foreach (var customer in reader.Customers.ListAutoPagingAsync(new CustomerListQuery { Limit = 100 }))
        {
            stored.Add(customer.Id!);
        }

        Assert.All(calls.Where(c => c.Id is not null), c => Assert.Contains(c.Id!, stored));
    }
}
