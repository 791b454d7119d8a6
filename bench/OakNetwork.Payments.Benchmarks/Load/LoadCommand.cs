using System.Globalization;
using System.Text;
using System.Text.Json;
using OakNetwork.Payments.Benchmarks.Micro;
using OakNetwork.Payments.Benchmarks.Serve;

namespace OakNetwork.Payments.Benchmarks.Load;

/// <summary>
/// The load runner: the same requests through the SDK and through the hand-written baseline, in alternating
/// rounds (A B, B A, …) after a warm-up round each, so drift on this shared machine hits both sides alike.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }

        var hosts = new List<EmulatorHost>();
        var clients = new List<OakClient>();
        var raws = new List<RawApi>();
        var ceilings = new List<RawApi>();
        try
        {
            if (options.BaseUrl is { } baseUrl)
            {
                hosts.Add(EmulatorHost.Existing(baseUrl, options.ClientId, options.ClientSecret));
            }
            else
            {
                for (var i = 0; i < options.Instances; i++)
                {
                    Console.Error.WriteLine($"load: starting emulator {i + 1}/{options.Instances} ({(options.InProcess ? "in-process" : "child process")}, seeding {(i == 0 ? options.SeedCount : 0)} customers)…");
                    hosts.Add(await EmulatorHost.StartAsync(i == 0 ? options.SeedCount : 0, options.Postgres, null, options.InProcess).ConfigureAwait(false));
                }

                Console.Error.WriteLine($"load: seeded {hosts[0].Endpoint.Seeded} customers in {hosts[0].Endpoint.SeedSeconds:0.0} s; store {hosts[0].Endpoint.Store}");
            }

            foreach (var host in hosts)
            {
                var client = new OakClient(new OakClientOptions
                {
                    BaseUrl = host.Endpoint.BaseUrl,
                    ClientId = host.Endpoint.ClientId,
                    ClientSecret = host.Endpoint.ClientSecret,
                });
                clients.Add(client);
                // Same token for both sides: the SDK's own.
                var token = await client.Pipeline.Tokens.GetAsync(CancellationToken.None).ConfigureAwait(false);
                if (token.Error is not null)
                {
                    throw new InvalidOperationException("Token grant failed: " + token.Error.Message);
                }

                raws.Add(new RawApi(host.Endpoint.BaseUrl, token.Value!, options.RawBuffered));
                if (host.Endpoint.CeilingUrl is { } ceilingUrl)
                {
                    ceilings.Add(new RawApi(new Uri(ceilingUrl.GetLeftPart(UriPartial.Authority)), token.Value!));
                }
            }

            if (options.BaseUrl is not null && options.SeedCount > 0)
            {
                await SeedThroughApiAsync(clients[0], options.SeedCount).ConfigureAwait(false);
            }

            var ids = await SampleIdsAsync(clients[0]).ConfigureAwait(false);
            var (a, b) = Sides(options, clients, raws, ceilings, ids);
            var (statsA, statsB) = await AlternateAsync(options, a, b).ConfigureAwait(false);
            var server = options.BaseUrl is null ? await ServerLatencyAsync(hosts[0].Endpoint.BaseUrl, options.Scenario).ConfigureAwait(false) : null;
            var report = Report(options, hosts[0].Endpoint, statsA, statsB, server);
            Console.WriteLine(report);
            if (options.JsonFile is not null)
            {
                await File.WriteAllTextAsync(options.JsonFile, report + "\n").ConfigureAwait(false);
            }

            return statsA.Failures + statsB.Failures == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }

            foreach (var raw in raws.Concat(ceilings))
            {
                raw.Dispose();
            }

            foreach (var host in hosts)
            {
                await host.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static ((string Name, RoundRunner.Operation Op) A, (string Name, RoundRunner.Operation Op) B) Sides(
        LoadOptions options, List<OakClient> clients, List<RawApi> raws, List<RawApi> ceilings, string[] ids)
    {
        var n = clients.Count;
        var runId = Guid.NewGuid().ToString("N")[..8];
        var seeded = Math.Max(1, options.SeedCount);
        switch (options.Scenario)
        {
            case "get":
                return (
                    ("sdk", async (seq, ct) => (await clients[(int)(seq % n)].Customers.GetAsync(ids[seq % ids.Length], null, ct).ConfigureAwait(false)).Ok),
                    ("raw", (seq, ct) => raws[(int)(seq % n)].GetAsync("/api/v1/customers/" + ids[seq % ids.Length], ct)));
            case "list":
                return (
                    ("sdk", async (seq, ct) =>
                    {
                        var result = await clients[(int)(seq % n)].Customers.ListAsync(ListQuery(options, seq, seeded), null, ct).ConfigureAwait(false);
                        return result.Ok && result.Value!.Data.CustomerList.Count > 0;
                    }),
                    ("raw", async (seq, ct) => await raws[(int)(seq % n)].ListAsync(ListPath(options, seq, seeded), ct).ConfigureAwait(false) > 0));
            case "create":
                return (
                    ("sdk", async (seq, ct) => (await clients[(int)(seq % n)].Customers.CreateAsync(SampleData.CreateRequest($"load-{runId}-s{seq}@bench.example"), null, ct).ConfigureAwait(false)).Ok),
                    ("raw", (seq, ct) => raws[(int)(seq % n)].CreateAsync(SampleData.RawCreateRequest($"load-{runId}-r{seq}@bench.example"), ct)));
            default:
                if (ceilings.Count == 0)
                {
                    throw new InvalidOperationException("The ceiling scenario needs the runner's own emulator process (no --base-url).");
                }

                // Both sides are the raw client, so the client's cost is the same and the ratio is the server's.
                return (
                    ("emulator_get", (seq, ct) => raws[(int)(seq % n)].GetAsync("/api/v1/customers/" + ids[seq % ids.Length], ct)),
                    ("ceiling", (seq, ct) => ceilings[(int)(seq % n)].GetAsync(CeilingServer.Path, ct)));
        }
    }

    private static CustomerListQuery ListQuery(LoadOptions options, long seq, int seeded) => options.Filter switch
    {
        "email" => new CustomerListQuery { Limit = options.Limit, Email = StoreSeeder.Email(EmailIndex(seq, seeded)) },
        "country" => new CustomerListQuery { Limit = options.Limit, CountryCode = StoreSeeder.Countries[seq % StoreSeeder.Countries.Length] },
        _ => new CustomerListQuery { Limit = options.Limit },
    };

    private static string ListPath(LoadOptions options, long seq, int seeded)
    {
        var limit = "/api/v1/customers?limit=" + options.Limit.ToString(CultureInfo.InvariantCulture);
        return options.Filter switch
        {
            "email" => limit + "&email=" + Uri.EscapeDataString(StoreSeeder.Email(EmailIndex(seq, seeded))),
            "country" => limit + "&country_code=" + StoreSeeder.Countries[seq % StoreSeeder.Countries.Length],
            _ => limit,
        };
    }

    private static int EmailIndex(long seq, int seeded) => (int)((seq * 7919) % seeded);

    private static async Task<(SideStats A, SideStats B)> AlternateAsync(
        LoadOptions options, (string Name, RoundRunner.Operation Op) a, (string Name, RoundRunner.Operation Op) b)
    {
        var round = TimeSpan.FromSeconds(options.RoundSeconds);
        Console.Error.WriteLine($"load: {options.Scenario} c={options.Concurrency}: warm-up…");
        await RoundRunner.RunAsync(a.Op, options.Concurrency, TimeSpan.FromSeconds(Math.Min(2, options.RoundSeconds))).ConfigureAwait(false);
        await RoundRunner.RunAsync(b.Op, options.Concurrency, TimeSpan.FromSeconds(Math.Min(2, options.RoundSeconds))).ConfigureAwait(false);

        var statsA = new SideStats(a.Name);
        var statsB = new SideStats(b.Name);
        var pairs = Math.Max(1, (int)Math.Round(options.DurationSeconds / (2 * options.RoundSeconds)));
        for (var p = 0; p < pairs; p++)
        {
            // A B, then B A: a trend in the machine's load falls on both sides equally.
            var order = p % 2 == 0 ? new[] { (a, statsA), (b, statsB) } : new[] { (b, statsB), (a, statsA) };
            foreach (var ((name, op), stats) in order)
            {
                var result = await RoundRunner.RunAsync(op, options.Concurrency, round).ConfigureAwait(false);
                stats.Add(result);
                Console.Error.WriteLine($"load:   round {p + 1}/{pairs} {name,-12} {result.Latencies.Count / result.Elapsed.TotalSeconds,9:0} ops/s  {(double)result.AllocatedBytes / Math.Max(1, result.Latencies.Count),8:0} B/op  failures {result.Failures}");
            }
        }

        statsA.Finish();
        statsB.Finish();
        return (statsA, statsB);
    }

    /// <summary>
    /// The server's own time for the last (up to) 1,000 requests of the scenario, from the emulator's request
    /// journal (<c>duration_ms</c>, measured in its middleware): latency without the client and the socket.
    /// </summary>
    private static async Task<(int Count, double P50, double P99)?> ServerLatencyAsync(Uri baseUrl, string scenario)
    {
        using var admin = new HttpClient { BaseAddress = baseUrl };
        using var document = JsonDocument.Parse(await admin.GetByteArrayAsync(new Uri("_emulator/requests?limit=1000", UriKind.Relative)).ConfigureAwait(false));
        var durations = new List<double>();
        foreach (var entry in document.RootElement.GetProperty("data").EnumerateArray())
        {
            var path = entry.GetProperty("path").GetString() ?? "";
            var method = entry.GetProperty("method").GetString();
            var match = scenario switch
            {
                "list" => method == "GET" && path == "/api/v1/customers",
                "create" => method == "POST" && path == "/api/v1/customers",
                _ => method == "GET" && path.StartsWith("/api/v1/customers/", StringComparison.Ordinal),
            };
            if (match)
            {
                durations.Add(entry.GetProperty("duration_ms").GetDouble());
            }
        }

        if (durations.Count == 0)
        {
            return null;
        }

        durations.Sort();
        return (durations.Count, durations[durations.Count / 2], durations[Math.Max(0, (int)Math.Ceiling(durations.Count * 0.99) - 1)]);
    }

    private static string Report(LoadOptions options, EmulatorEndpoint endpoint, SideStats a, SideStats b, (int Count, double P50, double P99)? server)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("scenario", options.Scenario);
            w.WriteNumber("concurrency", options.Concurrency);
            Side(w, a);
            Side(w, b);
            w.WriteNumber("ratio_ops", Math.Round(a.OpsPerSecond / b.OpsPerSecond, 3));
            w.WriteNumber("ratio_alloc", b.AllocBytesPerOp == 0 ? 0 : Math.Round(a.AllocBytesPerOp / b.AllocBytesPerOp, 3));
            w.WriteNumber("duration_s", Math.Round((a.Elapsed + b.Elapsed).TotalSeconds, 1));
            w.WriteNumber("rounds_per_side", a.Rounds);
            w.WriteString("store", endpoint.Store);
            w.WriteNumber("customers_seeded", endpoint.Seeded);
            if (options.Scenario == "list")
            {
                w.WriteString("filter", options.Filter);
                w.WriteNumber("limit", options.Limit);
            }

            if (options.Scenario == "ceiling")
            {
                w.WriteNumber("ceiling_body_bytes", endpoint.CeilingBytes);
            }

            if (server is { } journal)
            {
                w.WriteStartObject("server_journal");
                w.WriteNumber("requests", journal.Count);
                w.WriteNumber("p50_ms", Math.Round(journal.P50, 3));
                w.WriteNumber("p99_ms", Math.Round(journal.P99, 3));
                w.WriteEndObject();
            }

            w.WriteNumber("instances", options.Instances);
            w.WriteBoolean("raw_buffered", options.RawBuffered);
            w.WriteString("emulator", options.BaseUrl is not null ? "external" : options.InProcess ? "in-process" : "child-process");
            w.WriteNumber("processors", Environment.ProcessorCount);
            w.WriteString("date", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Side(Utf8JsonWriter w, SideStats s)
    {
        w.WriteStartObject(s.Name);
        w.WriteNumber("ops_per_sec", Math.Round(s.OpsPerSecond, 1));
        w.WriteNumber("p50_ms", Math.Round(s.P50Ms, 3));
        w.WriteNumber("p99_ms", Math.Round(s.P99Ms, 3));
        w.WriteNumber("alloc_bytes_per_op", Math.Round(s.AllocBytesPerOp, 0));
        w.WriteNumber("ops", s.Operations);
        w.WriteNumber("failures", s.Failures);
        w.WriteEndObject();
    }

    private static async Task SeedThroughApiAsync(OakClient client, int count)
    {
        Console.Error.WriteLine($"load: seeding {count} customers through the API (16 at a time)…");
        var next = -1;
        var workers = Enumerable.Range(0, 16).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var result = await client.Customers.CreateAsync(SampleData.CreateRequest(StoreSeeder.Email(i))).ConfigureAwait(false);
                if (!result.Ok && result.Error is not ApiError { Status: 400 })
                {
                    result.EnsureOk();
                }
            }
        });
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private static async Task<string[]> SampleIdsAsync(OakClient client)
    {
        var page = (await client.Customers.ListAsync(new CustomerListQuery { Limit = 100 }).ConfigureAwait(false)).EnsureOk();
        var ids = page.Data.CustomerList.Select(c => c.Id!).ToArray();
        if (ids.Length == 0)
        {
            // create-only runs: one customer so a get target exists.
            var created = (await client.Customers.CreateAsync(SampleData.CreateRequest($"probe-{Guid.NewGuid():N}@bench.example")).ConfigureAwait(false)).EnsureOk();
            ids = [created.Data.Id!];
        }

        return ids;
    }
}
