using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OakNetwork.Payments.Emulator.Hosting;

namespace OakNetwork.Payments.Cli.Tests.TestSupport;

/// <summary>
/// One in-process emulator per test class, and <c>oak</c> run in-process against it with its own environment
/// (never the process's), so tests can run in parallel. Tests that count customers use a merchant of their own.
/// </summary>
public sealed class CliFixture : IAsyncLifetime
{
    public OakEmulator Emulator { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public string TempFolder { get; } = Path.Combine(Path.GetTempPath(), "oak-cli-tests-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(TempFolder);
        Emulator = await OakEmulator.StartAsync(new EmulatorOptions
        {
            Port = 0,
            InMemory = true,
            SyncDelay = TimeSpan.FromMilliseconds(50),
            ReviewDelay = TimeSpan.FromMilliseconds(50),
            LogLevel = LogLevel.Warning,
        });
        Admin = new HttpClient { BaseAddress = Emulator.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(TempFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The <c>OAK_*</c> variables for the development merchant.</summary>
    public Dictionary<string, string?> DevEnvironment() => new()
    {
        ["OAK_BASE_URL"] = Emulator.BaseUrl.ToString(),
        ["OAK_CLIENT_ID"] = Emulator.ClientId,
        ["OAK_CLIENT_SECRET"] = Emulator.ClientSecret,
    };

    /// <summary>The <c>OAK_*</c> variables for a brand-new merchant (created through the admin API).</summary>
    public async Task<Dictionary<string, string?>> NewMerchantEnvironmentAsync()
    {
        var clientId = "cli-" + Guid.NewGuid().ToString("N");
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        await AdminPostAsync("_emulator/merchants", new JsonObject { ["client_id"] = clientId, ["client_secret"] = secret });
        return new Dictionary<string, string?>
        {
            ["OAK_BASE_URL"] = Emulator.BaseUrl.ToString(),
            ["OAK_CLIENT_ID"] = clientId,
            ["OAK_CLIENT_SECRET"] = secret,
        };
    }

    public static OakClient ClientFor(IReadOnlyDictionary<string, string?> environment) => new(new OakClientOptions
    {
        BaseUrl = new Uri(environment["OAK_BASE_URL"]!),
        ClientId = environment["OAK_CLIENT_ID"],
        ClientSecret = environment["OAK_CLIENT_SECRET"],
    });

    public async Task AdminPostAsync(string path, JsonObject body)
    {
        using var response = await Admin.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Runs <c>oak</c> in-process with the given environment (the development merchant's by default).</summary>
    public async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        environment ??= DevEnvironment();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, stdout, stderr, name => environment.TryGetValue(name, out var value) ? value : null, CancellationToken.None);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);

    public string TempFile(string name) => Path.Combine(TempFolder, Guid.NewGuid().ToString("N")[..8] + "-" + name);
}

/// <summary>The outcome of one <c>oak</c> run.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json()
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}; stderr: {Stderr}");
        return JsonDocument.Parse(Stdout).RootElement.Clone();
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
