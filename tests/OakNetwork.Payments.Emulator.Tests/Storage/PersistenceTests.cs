using OakNetwork.Payments.Emulator.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Storage;

/// <summary>Data, tokens and queued jobs survive a stop and start on the same file.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "oak-emulator-persist-" + Guid.NewGuid().ToString("N"));

    private string DataPath => Path.Combine(_folder, "nested", "emulator.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private EmulatorOptions Options(TimeSpan syncDelay) => new()
    {
        Port = 0,
        DataPath = DataPath,
        SyncDelay = syncDelay,
        ReviewDelay = TimeSpan.FromMilliseconds(50),
        LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
    };

    private static async Task<(HttpClient Http, ApiClient Api)> ConnectAsync(OakEmulator emulator)
    {
        var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        var anonymous = new ApiClient(http, null);
        var reply = await anonymous.PostAsync("/api/v1/merchant/token/grant", """{"client_id":"oak-dev-client","client_secret":"oak-dev-secret","grant_type":"client_credentials"}""");
        return (http, new ApiClient(http, reply.Json.GetProperty("access_token").GetString()));
    }

    [Fact]
    public async Task Customers_files_and_tokens_survive_a_restart_and_a_pending_sync_finishes_after_it()
    {
        string id;
        string token;
        string fileSha;
        await using (var first = await OakEmulator.StartAsync(Options(TimeSpan.FromSeconds(1.5))))
        {
            Assert.Equal(Path.GetFullPath(DataPath), first.DataPath);
            var (http, api) = await ConnectAsync(first);
            using (http)
            {
                id = (await api.CreateCustomerAsync("\"first_name\":\"Persisted\"")).GetProperty("id").GetString()!;
                using var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/customers/{id}/files") { Content = SampleFiles.Form(("a.pdf", SampleFiles.Pdf, "application/pdf")) };
                fileSha = (await api.SendAsync(upload)).Data[0].GetProperty("sha256").GetString()!;
                Expect.Success(await api.PostAsync($"/api/v1/customers/{id}/sync", """{"providers":"stripe","fields":["email"]}"""));
                token = api.Token!;
            }
        }

        Assert.True(File.Exists(DataPath));
        await using var second = await OakEmulator.StartAsync(Options(TimeSpan.FromMilliseconds(50)));
        using var client = new HttpClient { BaseAddress = second.BaseUrl };
        var again = new ApiClient(client, token);

        var customer = await again.GetCustomerAsync(id);
        Assert.Equal("Persisted", customer.GetProperty("first_name").GetString());
        Assert.Equal(fileSha, (await again.GetAsync($"/api/v1/customers/{id}/files")).Data[0].GetProperty("sha256").GetString());
        await Expect.EventuallyAsync(async () => (await again.GetCustomerAsync(id)).GetProperty("synced").GetBoolean(), "the queued sync to finish after the restart");
    }

    [Fact]
    public async Task The_schema_is_versioned_and_the_store_uses_wal()
    {
        await using (await OakEmulator.StartAsync(Options(TimeSpan.FromMilliseconds(50))))
        {
        }

        await using (await OakEmulator.StartAsync(Options(TimeSpan.FromMilliseconds(50))))
        {
        }

        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={DataPath}");
        connection.Open();
        using var version = connection.CreateCommand();
        version.CommandText = "SELECT COUNT(*), MAX(version) FROM schema_version;";
        using (var reader = version.ExecuteReader())
        {
            reader.Read();
            // One row per migration, each applied once across both starts.
            Assert.Equal(SqliteSchema.LatestVersion, reader.GetInt64(0));
            Assert.Equal(SqliteSchema.LatestVersion, reader.GetInt64(1));
        }

        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)mode.ExecuteScalar()!);
    }

    [Fact]
    public async Task In_memory_emulators_leave_no_file_and_share_nothing()
    {
        await using var a = await OakEmulator.StartAsync(new EmulatorOptions { Port = 0, InMemory = true, LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning });
        await using var b = await OakEmulator.StartAsync(new EmulatorOptions { Port = 0, InMemory = true, LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning });
        Assert.Null(a.DataPath);
        var (httpA, apiA) = await ConnectAsync(a);
        var (httpB, apiB) = await ConnectAsync(b);
        using (httpA)
        using (httpB)
        {
            await apiA.CreateCustomerAsync();
            Assert.Equal(1, (await apiA.GetAsync("/api/v1/customers")).Data.GetProperty("count").GetInt64());
            Assert.Equal(0, (await apiB.GetAsync("/api/v1/customers")).Data.GetProperty("count").GetInt64());
        }
    }

    [Fact]
    public async Task Changed_development_credentials_replace_the_old_ones_on_restart()
    {
        await using (await OakEmulator.StartAsync(Options(TimeSpan.FromMilliseconds(50))))
        {
        }

        var options = Options(TimeSpan.FromMilliseconds(50));
        options.ClientId = "team-client";
        options.ClientSecret = "team-secret";
        await using var emulator = await OakEmulator.StartAsync(options);
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        var anonymous = new ApiClient(http, null);

        Expect.Error(await anonymous.PostAsync("/api/v1/merchant/token/grant", """{"client_id":"oak-dev-client","client_secret":"oak-dev-secret","grant_type":"client_credentials"}"""), 404);
        Assert.Equal(200, (await anonymous.PostAsync("/api/v1/merchant/token/grant", """{"client_id":"team-client","client_secret":"team-secret","grant_type":"client_credentials"}""")).Status);
    }
}
