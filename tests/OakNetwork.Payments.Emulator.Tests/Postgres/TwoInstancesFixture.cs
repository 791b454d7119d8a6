using System.Text.Json;
using Npgsql;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Postgres;

/// <summary>
/// Two in-process emulators (A and B) on one throwaway PostgreSQL database, each with its own HttpClient, as two
/// instances behind a load balancer would be. Their connections carry application names <c>oak-a</c> and
/// <c>oak-b</c>, so the database can tell who did what. Nothing is started without a server.
/// </summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    private readonly List<OakEmulator> _emulators = [];
    private readonly List<HttpClient> _clients = [];

    public string ConnectionString { get; private set; } = "";

    public OakEmulator A => _emulators[0];

    public OakEmulator B => _emulators[1];

    /// <summary>No bearer token, on instance A and on instance B.</summary>
    public ApiClient AnonymousA { get; private set; } = null!;

    public ApiClient AnonymousB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (PostgresTestServer.ConnectionString is null)
        {
            return;
        }

        ConnectionString = await PostgresTestServer.CreateDatabaseAsync();
        // Both start at once: the migration lock must let exactly one of them create the schema.
        _emulators.AddRange(await Task.WhenAll(Start("oak-a"), Start("oak-b")));
        AnonymousA = new ApiClient(Client(A), null);
        AnonymousB = new ApiClient(Client(B), null);
    }

    private Task<OakEmulator> Start(string applicationName) => OakEmulator.StartAsync(new EmulatorOptions
    {
        Port = 0,
        PostgresConnectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = applicationName }.ConnectionString,
        SyncDelay = TimeSpan.FromMilliseconds(50),
        ReviewDelay = TimeSpan.FromHours(1),
        LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
    });

    private HttpClient Client(OakEmulator emulator)
    {
        var client = new HttpClient { BaseAddress = emulator.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        _clients.Add(client);
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var emulator in _emulators)
        {
            await emulator.DisposeAsync();
        }

        if (ConnectionString.Length > 0)
        {
            await PostgresTestServer.DropDatabaseAsync(ConnectionString);
        }
    }

    /// <summary>A fresh merchant, created through instance A; its token is granted by instance A.</summary>
    public async Task<string> NewMerchantTokenAsync()
    {
        var clientId = "m-" + Guid.NewGuid().ToString("N");
        var secret = "s-" + Guid.NewGuid().ToString("N");
        var reply = await AnonymousA.PostAsync("/_emulator/merchants", JsonSerializer.Serialize(new Dictionary<string, string> { ["client_id"] = clientId, ["client_secret"] = secret }));
        Assert.True(reply.Status == 200, reply.ToString());
        var grant = await AnonymousA.PostAsync("/api/v1/merchant/token/grant",
            JsonSerializer.Serialize(new Dictionary<string, string> { ["client_id"] = clientId, ["client_secret"] = secret, ["grant_type"] = "client_credentials" }));
        Assert.True(grant.Status == 200, grant.ToString());
        return grant.Json.GetProperty("access_token").GetString()!;
    }

    /// <summary>The same merchant's API on both instances.</summary>
    public (ApiClient A, ApiClient B) Both(string token) => (new ApiClient(AnonymousA.Http, token), new ApiClient(AnonymousB.Http, token));

    public async Task<T> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
