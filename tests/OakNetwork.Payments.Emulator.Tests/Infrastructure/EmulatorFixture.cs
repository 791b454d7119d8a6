using System.Text.Json;
using OakNetwork.Payments.Emulator.Hosting;

namespace OakNetwork.Payments.Emulator.Tests.Infrastructure;

/// <summary>
/// One real emulator per test class: Kestrel on a free loopback port, a SQLite file in a temporary folder.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    private OakEmulator? _emulator;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "oak-emulator-tests-" + Guid.NewGuid().ToString("N"));

    public string DataPath => Path.Combine(Folder, "emulator.db");

    public OakEmulator Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    public HttpClient Http { get; private set; } = new();

    /// <summary>The development merchant's API (token granted at start).</summary>
    public ApiClient Dev { get; private set; } = null!;

    /// <summary>No bearer token.</summary>
    public ApiClient Anonymous { get; private set; } = null!;

    protected virtual EmulatorOptions CreateOptions() => new()
    {
        Port = 0,
        DataPath = DataPath,
        SyncDelay = TimeSpan.FromMilliseconds(100),
        ReviewDelay = TimeSpan.FromMilliseconds(50),
        LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        _emulator = await OakEmulator.StartAsync(CreateOptions());
        Http = new HttpClient { BaseAddress = _emulator.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        Anonymous = new ApiClient(Http, null);
        Dev = new ApiClient(Http, await TokenAsync(_emulator.ClientId, _emulator.ClientSecret));
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public async Task<string> TokenAsync(string clientId, string clientSecret)
    {
        var reply = await Anonymous.PostAsync("/api/v1/merchant/token/grant",
            JsonSerializer.Serialize(new Dictionary<string, string> { ["client_id"] = clientId, ["client_secret"] = clientSecret, ["grant_type"] = "client_credentials" }));
        Assert.True(reply.Status == 200, reply.ToString());
        return reply.Json.GetProperty("access_token").GetString()!;
    }

    /// <summary>A fresh merchant (through the admin API) and its API.</summary>
    public async Task<ApiClient> NewMerchantAsync()
    {
        var clientId = "m-" + Guid.NewGuid().ToString("N");
        var secret = "s-" + Guid.NewGuid().ToString("N");
        var reply = await Anonymous.PostAsync("/_emulator/merchants", JsonSerializer.Serialize(new Dictionary<string, string> { ["client_id"] = clientId, ["client_secret"] = secret }));
        Assert.True(reply.Status == 200, reply.ToString());
        return new ApiClient(Http, await TokenAsync(clientId, secret));
    }
}
