using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Benchmarks.Serve;

/// <summary>
/// <c>serve [--seed N] [--postgres CONNSTRING] [--data FILE]</c>: the process the load runner measures against.
/// Starts an emulator on a free loopback port (a temporary SQLite file unless <c>--data</c> or
/// <c>--postgres</c>), bulk-seeds it, starts the ceiling endpoint beside it, prints one line
/// <c>READY {json}</c> and runs until its standard input closes.
/// </summary>
internal static class ServeCommand
{
    public const string ReadyPrefix = "READY ";

    public static async Task<int> RunAsync(string[] args)
    {
        var seed = 0;
        string? postgres = null;
        string? data = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seed":
                    seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--postgres":
                    postgres = args[++i];
                    break;
                case "--data":
                    data = args[++i];
                    break;
                default:
                    await Console.Error.WriteLineAsync("serve: unknown argument " + args[i]).ConfigureAwait(false);
                    return 2;
            }
        }

        var instance = await StartAsync(seed, postgres, data).ConfigureAwait(false);
        await using (instance.ConfigureAwait(false))
        {
            await Console.Out.WriteLineAsync(ReadyPrefix + instance.Describe()).ConfigureAwait(false);
            await Console.Out.FlushAsync().ConfigureAwait(false);
            // Runs until the load runner closes our standard input (or ends the process).
            await Console.In.ReadToEndAsync().ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Starts the emulator, seeds it and starts the ceiling endpoint (also used in-process).</summary>
    public static async Task<ServeInstance> StartAsync(int seed, string? postgres, string? data)
    {
        var options = new EmulatorOptions
        {
            Port = 0,
            InMemory = data is null,
            DataPath = data,
            PostgresConnectionString = postgres,
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
        };
        var emulator = await OakEmulator.StartAsync(options).ConfigureAwait(false);
        var seedTime = TimeSpan.Zero;
        if (seed > 0)
        {
            seedTime = await StoreSeeder.SeedAsync(emulator.Services.GetRequiredService<IEmulatorStore>(), emulator.ClientId, seed, CancellationToken.None).ConfigureAwait(false);
        }

        var body = seed > 0 ? await FetchOneCustomerAsync(emulator).ConfigureAwait(false) : CeilingServer.DefaultBody;
        var ceiling = await CeilingServer.StartAsync(body).ConfigureAwait(false);
        return new ServeInstance(emulator, ceiling, seed, seedTime, body.Length);
    }

    /// <summary>The emulator's own answer for one seeded customer: the ceiling answers these very bytes.</summary>
    private static async Task<byte[]> FetchOneCustomerAsync(OakEmulator emulator)
    {
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        var grant = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["client_id"] = emulator.ClientId,
            ["client_secret"] = emulator.ClientSecret,
            ["grant_type"] = "client_credentials",
        });
        using var grantResponse = await http.PostAsync(new Uri("api/v1/merchant/token/grant", UriKind.Relative), new StringContent(grant, Encoding.UTF8, "application/json")).ConfigureAwait(false);
        using var token = JsonDocument.Parse(await grantResponse.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync().ConfigureAwait(false));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        using var list = JsonDocument.Parse(await http.GetByteArrayAsync(new Uri("api/v1/customers?limit=1", UriKind.Relative)).ConfigureAwait(false));
        var id = list.RootElement.GetProperty("data").GetProperty("customer_list")[0].GetProperty("id").GetString();
        return await http.GetByteArrayAsync(new Uri("api/v1/customers/" + id, UriKind.Relative)).ConfigureAwait(false);
    }
}

/// <summary>A running emulator plus its ceiling endpoint.</summary>
internal sealed class ServeInstance(OakEmulator emulator, CeilingServer ceiling, int seeded, TimeSpan seedTime, int ceilingBytes) : IAsyncDisposable
{
    public OakEmulator Emulator { get; } = emulator;

    public CeilingServer Ceiling { get; } = ceiling;

    public EmulatorEndpoint Endpoint => new(
        Emulator.BaseUrl,
        new Uri(Ceiling.BaseUrl, CeilingServer.Path.TrimStart('/')),
        Emulator.ClientId,
        Emulator.ClientSecret,
        seeded,
        seedTime.TotalSeconds,
        ceilingBytes,
        Emulator.Options.PostgresConnectionString is null ? "sqlite" : "postgres");

    public string Describe() => Endpoint.ToJson();

    public async ValueTask DisposeAsync()
    {
        await Ceiling.DisposeAsync().ConfigureAwait(false);
        await Emulator.DisposeAsync().ConfigureAwait(false);
    }
}
