using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OakNetwork.Payments.Benchmarks.Load;

/// <summary>
/// <c>coldstart [--calls 1000] [--json FILE] [--in-process]</c>: N concurrent first calls on a cold client must
/// cause exactly one token grant. Grants are counted on the server, from the emulator's request journal (polled
/// during the burst, because the journal is a ring of 1,000 and a burst of 1,000 calls would push the grant
/// out), and on the client, by a handler under the SDK. Then the same burst on the now-warm client, so the cold
/// burst's tail can be compared with the warm one's: a lock convoy would show as a cold tail far above warm
/// tail + one grant.
/// </summary>
internal static class ColdStartCommand
{
    private const string GrantPath = "/api/v1/merchant/token/grant";

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = 1000;
        string? json = null;
        var inProcess = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--calls": calls = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--json": json = args[++i]; break;
                case "--in-process": inProcess = true; break;
                default:
                    await Console.Error.WriteLineAsync("coldstart [--calls N] [--json FILE] [--in-process]").ConfigureAwait(false);
                    return 2;
            }
        }

        var host = await EmulatorHost.StartAsync(10, null, null, inProcess).ConfigureAwait(false);
        await using (host.ConfigureAwait(false))
        {
            var endpoint = host.Endpoint;
            using var admin = new HttpClient { BaseAddress = endpoint.BaseUrl };
            string id;
            using (var warm = new OakClient(Options(endpoint)))
            {
                id = (await warm.Customers.ListAsync(new CustomerListQuery { Limit = 1 }).ConfigureAwait(false)).EnsureOk().Data.CustomerList[0].Id!;
            }

            var grantsBefore = new HashSet<string>(await JournalGrantsAsync(admin).ConfigureAwait(false));
            var counting = new CountingHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
            using var http = new HttpClient(counting) { Timeout = Timeout.InfiniteTimeSpan };
            using var client = new OakClient(Options(endpoint), http);

            // Poll the journal while the burst runs, collecting grant request ids.
            var seen = new ConcurrentDictionary<string, bool>();
            using var stopPolling = new CancellationTokenSource();
            var poller = Task.Run(async () =>
            {
                while (!stopPolling.IsCancellationRequested)
                {
                    foreach (var g in await JournalGrantsAsync(admin).ConfigureAwait(false))
                    {
                        seen.TryAdd(g, true);
                    }

                    await Task.Delay(5).ConfigureAwait(false);
                }
            });

            var cold = await BurstAsync(client, id, calls).ConfigureAwait(false);
            await stopPolling.CancelAsync().ConfigureAwait(false);
            await poller.ConfigureAwait(false);
            foreach (var g in await JournalGrantsAsync(admin).ConfigureAwait(false))
            {
                seen.TryAdd(g, true);
            }

            var journalGrants = seen.Keys.Count(k => !grantsBefore.Contains(k));
            var clientGrants = counting.Grants;
            var tokens = counting.DistinctTokens;
            var warmBurst = await BurstAsync(client, id, calls).ConfigureAwait(false);
            var grantMs = counting.GrantMilliseconds;

            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString("scenario", "coldstart");
                w.WriteNumber("concurrent_first_calls", calls);
                w.WriteNumber("succeeded", cold.Ok);
                w.WriteNumber("token_grants_journal", journalGrants);
                w.WriteNumber("token_grants_client", clientGrants);
                w.WriteNumber("distinct_bearer_tokens", tokens);
                w.WriteNumber("grant_ms", Math.Round(grantMs, 2));
                Burst(w, "cold", cold);
                Burst(w, "warm", warmBurst);
                w.WriteNumber("token_grants_after_warm_burst", counting.Grants);
                w.WriteBoolean("exactly_one_grant", journalGrants == 1 && clientGrants == 1 && counting.Grants == 1);
                w.WriteNumber("processors", Environment.ProcessorCount);
                w.WriteString("date", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }

            var report = Encoding.UTF8.GetString(buffer.ToArray());
            Console.WriteLine(report);
            if (json is not null)
            {
                await File.WriteAllTextAsync(json, report + "\n").ConfigureAwait(false);
            }

            return journalGrants == 1 && clientGrants == 1 && cold.Ok == calls ? 0 : 1;
        }
    }

    private static OakClientOptions Options(Serve.EmulatorEndpoint endpoint) => new()
    {
        BaseUrl = endpoint.BaseUrl,
        ClientId = endpoint.ClientId,
        ClientSecret = endpoint.ClientSecret,
    };

    private static void Burst(Utf8JsonWriter w, string name, BurstResult burst)
    {
        w.WriteStartObject(name);
        w.WriteNumber("wall_ms", Math.Round(burst.WallMs, 1));
        w.WriteNumber("p50_ms", Math.Round(burst.P50Ms, 1));
        w.WriteNumber("p99_ms", Math.Round(burst.P99Ms, 1));
        w.WriteNumber("max_ms", Math.Round(burst.MaxMs, 1));
        w.WriteEndObject();
    }

    private static async Task<BurstResult> BurstAsync(OakClient client, string id, int calls)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var latencies = new double[calls];
        var ok = 0;
        var tasks = Enumerable.Range(0, calls).Select(i => Task.Run(async () =>
        {
            await gate.Task.ConfigureAwait(false);
            var t0 = Stopwatch.GetTimestamp();
            var result = await client.Customers.GetAsync(id).ConfigureAwait(false);
            latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            if (result.Ok)
            {
                Interlocked.Increment(ref ok);
            }
        })).ToArray();
        await Task.Delay(200).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        gate.SetResult();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Array.Sort(latencies);
        return new BurstResult(ok, wall, latencies[calls / 2], latencies[Math.Max(0, (int)Math.Ceiling(calls * 0.99) - 1)], latencies[^1]);
    }

    private static async Task<List<string>> JournalGrantsAsync(HttpClient admin)
    {
        using var document = JsonDocument.Parse(await admin.GetByteArrayAsync(new Uri("_emulator/requests?limit=1000", UriKind.Relative)).ConfigureAwait(false));
        var grants = new List<string>();
        foreach (var entry in document.RootElement.GetProperty("data").EnumerateArray())
        {
            if (entry.GetProperty("path").GetString() == GrantPath)
            {
                grants.Add(entry.GetProperty("request_id").GetString()!);
            }
        }

        return grants;
    }

    private sealed record BurstResult(int Ok, double WallMs, double P50Ms, double P99Ms, double MaxMs);

    /// <summary>Counts the grants the SDK sends and the bearer tokens it uses, under the SDK.</summary>
    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly ConcurrentDictionary<string, bool> _tokens = new();
        private int _grants;
        private long _grantTicks;

        public int Grants => Volatile.Read(ref _grants);

        public int DistinctTokens => _tokens.Count;

        public double GrantMilliseconds => Interlocked.Read(ref _grantTicks) * 1000.0 / Stopwatch.Frequency;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == GrantPath)
            {
                Interlocked.Increment(ref _grants);
                var t0 = Stopwatch.GetTimestamp();
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _grantTicks, Stopwatch.GetTimestamp() - t0);
                return response;
            }

            if (request.Headers.Authorization?.Parameter is { } token)
            {
                _tokens.TryAdd(token, true);
            }

            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
