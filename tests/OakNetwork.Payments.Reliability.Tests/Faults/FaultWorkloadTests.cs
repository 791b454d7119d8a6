using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using OakNetwork.Payments.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OakNetwork.Payments.Reliability.Tests.Faults;

/// <summary>
/// A mixed workload through the SDK while the emulator answers 30% of requests with 503 and throttles to 50
/// requests per second: everything completes through retries, and nothing is created twice or lost.
/// </summary>
[Trait("Category", "Slow")]
public sealed class FaultWorkloadTests(InProcessEmulator fixture, ITestOutputHelper output) : IClassFixture<InProcessEmulator>
{
    private const int Operations = 1000;
    private const int Workers = 16;

    [Fact]
    public async Task A_mixed_workload_under_503s_and_throttling_completes_and_the_store_holds_exactly_the_acknowledged_creates()
    {
        var merchant = await fixture.NewMerchantAsync();
        using var recorder = new RecordingHandler();
        using var http = recorder.CreateClient();
        // As a user facing a flaky, throttled API would configure it: more retries, short backoff, capped waits.
        using var client = fixture.Client(merchant, o =>
        {
            o.Retry = new RetryOptions { MaxRetries = 25, Delay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromSeconds(1) };
            o.Timeout = TimeSpan.FromSeconds(10);
        }, http);

        await fixture.SetFaultsAsync(new JsonObject { ["error_rate"] = 0.3, ["error_status"] = 503, ["throttle_per_second"] = 50 });
        var created = new ConcurrentDictionary<string, string>();      // id -> email, as the SDK acknowledged
        var updates = new ConcurrentDictionary<string, int>();         // id -> acknowledged updates
        var failures = new ConcurrentBag<string>();
        var kinds = new ConcurrentDictionary<string, int>();
        var ids = new ConcurrentQueue<string>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
            {
                var random = new Random(worker);
                int i;
                while ((i = Interlocked.Increment(ref next)) < Operations)
                {
                    var known = ids.ToArray();
                    var kind = known.Length == 0 ? 0 : (i % 10) switch { < 3 => 0, < 5 => 1, < 7 => 2, < 9 => 3, _ => 4 };
                    var id = known.Length == 0 ? null : known[random.Next(known.Length)];
                    string name;
                    OakError? error;
                    switch (kind)
                    {
                        case 0:
                            name = "create";
                            var email = $"load.{i}.{Guid.NewGuid():N}@example.com";
                            var create = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = email, FirstName = "Load", LastName = $"N{i}" });
                            error = create.Error;
                            if (create.Ok)
                            {
                                Assert.True(created.TryAdd(create.Value.Data.Id!, email), "the same id was acknowledged twice");
                                ids.Enqueue(create.Value.Data.Id!);
                            }

                            break;
                        case 1:
                            name = "get";
                            error = (await client.Customers.GetAsync(id!)).Error;
                            break;
                        case 2:
                            name = "list";
                            error = (await client.Customers.ListAsync(new CustomerListQuery { Limit = 20, Offset = random.Next(0, 50) })).Error;
                            break;
                        case 3:
                            name = "update";
                            var update = await client.Customers.UpdateAsync(id!, new UpdateCustomerRequest { FirstName = $"Updated{i}" });
                            error = update.Error;
                            if (update.Ok)
                            {
                                updates.AddOrUpdate(id!, 1, (_, n) => n + 1);
                            }

                            break;
                        default:
                            name = "sync";
                            error = (await client.Customers.SyncAsync(id!, new CustomerSyncRequest { Providers = [Provider.Stripe], Fields = [SyncField.Email] })).Error;
                            break;
                    }

                    kinds.AddOrUpdate(name, 1, (_, n) => n + 1);
                    if (error is not null)
                    {
                        failures.Add($"{name}: {error}");
                    }
                }
            })));
        }
        finally
        {
            await fixture.ClearFaultsAsync();
        }

        clock.Stop();
        output.WriteLine($"{Operations} operations ({string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}) from {Workers} workers in {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine($"HTTP tries {recorder.Sent}: {string.Join(", ", recorder.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"))}; failed operations {failures.Count}");

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(10)));
        Assert.True(recorder.Count(503) > 100, "the 503 faults were in force");
        Assert.True(recorder.Count(429) > 0, "the throttle was in force");

        // The store, read back through the API, holds exactly the acknowledged creates: none twice, none missing.
        using var reader = fixture.Client(merchant);
        var stored = new List<Customer>();
        await foreach (var customer in reader.Customers.ListAutoPagingAsync(new CustomerListQuery { Limit = 100 }))
        {
            stored.Add(customer);
        }

        output.WriteLine($"acknowledged creates {created.Count}, customers in the store {stored.Count}");
        Assert.Equal(stored.Count, stored.Select(c => c.Id).Distinct().Count());
        Assert.Equal(stored.Count, stored.Select(c => c.Email!.ToUpperInvariant()).Distinct().Count());
        Assert.Equal(created.Keys.Order(), stored.Select(c => c.Id!).Order());
        foreach (var customer in stored)
        {
            Assert.Equal(created[customer.Id!], customer.Email);
            // Every acknowledged update (each a real change) counted exactly once in the version, none more.
            Assert.Equal(1 + updates.GetValueOrDefault(customer.Id!), customer.Version);
        }
    }
}
