using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OakNetwork.Payments.Emulator.Hosting;

namespace OakNetwork.Payments.Reliability.Tests.Infrastructure;

/// <summary>A merchant's credentials, made through the admin API.</summary>
public sealed record MerchantCredentials(string ClientId, string ClientSecret);

/// <summary>
/// One emulator per test class, hosted in this process on a real Kestrel server over a real SQLite file. Tests get
/// merchants of their own, so what they count is theirs alone.
/// </summary>
public class InProcessEmulator : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "oak-reliability-" + Guid.NewGuid().ToString("N"));

    public string DataPath => Path.Combine(Folder, "emulator.db");

    public OakEmulator Emulator { get; private set; } = null!;

    /// <summary>Plain HTTP to the emulator (admin API, raw requests).</summary>
    public HttpClient Http { get; private set; } = null!;

    protected virtual void Configure(EmulatorOptions options)
    {
    }

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
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
        Http = new HttpClient { BaseAddress = Emulator.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public Task<MerchantCredentials> NewMerchantAsync() => NewMerchantAsync(Http);

    public static async Task<MerchantCredentials> NewMerchantAsync(HttpClient admin)
    {
        var merchant = new MerchantCredentials("rel-" + Guid.NewGuid().ToString("N"), "secret-" + Guid.NewGuid().ToString("N"));
        using var response = await admin.PostAsJsonAsync("_emulator/merchants", new JsonObject { ["client_id"] = merchant.ClientId, ["client_secret"] = merchant.ClientSecret });
        Assert.True(response.IsSuccessStatusCode, $"merchant: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return merchant;
    }

    /// <summary>An SDK client for the merchant; with <paramref name="http"/>, sent through that HTTP client.</summary>
    public OakClient Client(MerchantCredentials merchant, Action<OakClientOptions>? configure = null, HttpClient? http = null)
        => CreateClient(Emulator.BaseUrl, merchant, configure, http);

    public static OakClient CreateClient(Uri baseUrl, MerchantCredentials merchant, Action<OakClientOptions>? configure = null, HttpClient? http = null)
    {
        var options = new OakClientOptions { BaseUrl = baseUrl, ClientId = merchant.ClientId, ClientSecret = merchant.ClientSecret };
        configure?.Invoke(options);
        return http is null ? new OakClient(options) : new OakClient(options, http);
    }

    public Task SetFaultsAsync(JsonObject faults) => SetFaultsAsync(Http, faults);

    public static async Task SetFaultsAsync(HttpClient admin, JsonObject faults)
    {
        using var response = await admin.PutAsJsonAsync("_emulator/faults", faults);
        Assert.True(response.IsSuccessStatusCode, $"faults: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task ClearFaultsAsync()
    {
        using var response = await Http.DeleteAsync("_emulator/faults");
        Assert.True(response.IsSuccessStatusCode);
    }

    /// <summary>A bearer token granted over plain HTTP.</summary>
    public Task<string> GrantTokenAsync(MerchantCredentials merchant) => GrantTokenAsync(Http, merchant);

    public static async Task<string> GrantTokenAsync(HttpClient http, MerchantCredentials merchant)
    {
        using var response = await http.PostAsJsonAsync("api/v1/merchant/token/grant", new JsonObject
        {
            ["client_id"] = merchant.ClientId,
            ["client_secret"] = merchant.ClientSecret,
            ["grant_type"] = "client_credentials",
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"grant: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString()!;
    }
}
