using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OakNetwork.Payments.Emulator.Hosting;

namespace OakNetwork.Payments.IntegrationTests.TestSupport;

/// <summary>
/// One emulator per test class: a real Kestrel server on a free loopback port over a real SQLite file. Tests that
/// count customers get a merchant of their own (<see cref="NewMerchantClientAsync"/>), so they never see each other.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "oak-it-" + Guid.NewGuid().ToString("N"));

    public OakEmulator Emulator { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public string DataPath => Path.Combine(_folder, "emulator.db");

    protected virtual void Configure(EmulatorOptions options)
    {
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var options = new EmulatorOptions
        {
            Port = 0,
            DataPath = DataPath,
            SyncDelay = TimeSpan.FromMilliseconds(50),
            ReviewDelay = TimeSpan.FromMilliseconds(50),
            LogLevel = LogLevel.Warning,
        };
        Configure(options);
        Emulator = await OakEmulator.StartAsync(options);
        Admin = new HttpClient { BaseAddress = Emulator.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A client for a brand-new merchant, created through the admin API.</summary>
    public async Task<OakClient> NewMerchantClientAsync(Action<OakClientOptions>? configure = null)
    {
        var clientId = "it-" + Guid.NewGuid().ToString("N");
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        await AdminPostAsync("_emulator/merchants", new JsonObject { ["client_id"] = clientId, ["client_secret"] = secret });
        return Emulator.CreateClient(options =>
        {
            options.ClientId = clientId;
            options.ClientSecret = secret;
            configure?.Invoke(options);
        });
    }

    public async Task<JsonElement> AdminPostAsync(string path, JsonObject body)
    {
        using var response = await Admin.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> AdminGetAsync(string path)
    {
        var text = await Admin.GetStringAsync(path);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
