using Npgsql;

namespace OakNetwork.Payments.Emulator.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the tests may use, named by <c>OAK_TEST_POSTGRES</c>
/// (<c>Host=127.0.0.1;Port=N;Username=postgres;Database=postgres</c>). Each user makes its own throwaway database.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "OAK_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    public static string SkipReason =>
        $"No PostgreSQL server: set {Variable} (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres) to run the PostgreSQL tests";

    /// <summary>Creates a fresh database <c>oak_test_&lt;random&gt;</c> and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = ConnectionString ?? throw new InvalidOperationException(SkipReason);
        var name = "oak_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever is still connected to it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        if (!name.StartsWith("oak_test_", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Only test databases are dropped.");
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString!);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE);", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
