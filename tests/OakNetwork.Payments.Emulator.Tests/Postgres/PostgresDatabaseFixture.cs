namespace OakNetwork.Payments.Emulator.Tests.Postgres;

/// <summary>One throwaway database per test class, dropped at the end; nothing at all without a server.</summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private string? _connectionString;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException(PostgresTestServer.SkipReason);

    public async Task InitializeAsync()
    {
        if (PostgresTestServer.ConnectionString is not null)
        {
            _connectionString = await PostgresTestServer.CreateDatabaseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_connectionString is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(_connectionString);
        }
    }
}
