using System.Data;
using System.Security.Cryptography;
using Npgsql;

namespace OakNetwork.Payments.Emulator.Storage.Postgres;

/// <summary>
/// The PostgreSQL store: one database shared by any number of emulator instances. Each session is one pooled
/// connection and one transaction.
/// </summary>
/// <remarks>
/// <para>
/// How the write lock SQLite gets from <c>BEGIN IMMEDIATE</c> is made explicit here. A global lock (one advisory
/// lock for every write session) would be a faithful copy but would serialize all instances and defeat scale-out;
/// SERIALIZABLE with retries would need every domain service to be re-runnable, which the request pipeline (it
/// buffers one answer per request) does not offer. Instead, every check-then-write sequence in the domain is
/// pinned to the one thing it checks:
/// </para>
/// <list type="bullet">
/// <item>Write sessions run at READ COMMITTED, and a write session that reads a customer takes that customer's
/// row lock (<c>SELECT … FOR UPDATE</c>). Every domain sequence that reads state and writes on that basis is about
/// one customer (version checks, lifecycle transitions, the registration merge, "a review is already queued",
/// "another sync is still pending"), so they serialize per customer, as they did under SQLite's global lock,
/// while different customers proceed in parallel.</item>
/// <item>A job claim is <c>FOR UPDATE SKIP LOCKED</c> on the job row (no two instances take the same job) and then
/// takes the job's customer row lock, so a job's work is serialized with requests on that customer.</item>
/// <item>Email uniqueness: the unique index on (merchant_id, email_lower) decides; an insert that loses the race
/// waits for the winner's commit and is reported as <see cref="SaveOutcome.DuplicateEmail"/>.</item>
/// <item>Idempotency: looking a key up in a write session first takes a transaction-scoped advisory lock on
/// (merchant, key), so a second request with the same key waits until the first commits, then sees its answer.</item>
/// <item>Version checks: <c>UPDATE … WHERE version = @expected</c> re-checks the row after waiting for a concurrent
/// writer, so the loser gets <see cref="SaveOutcome.VersionConflict"/>.</item>
/// </list>
/// <para>Read sessions are REPEATABLE READ: one snapshot, so a list's count and page agree.</para>
/// </remarks>
internal sealed class PostgresEmulatorStore : IEmulatorStore
{
    private const string SigningSecretKey = "signing_secret";
    private readonly NpgsqlDataSource _dataSource;

    public PostgresEmulatorStore(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = Describe(builder);
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public string Description { get; }

    /// <summary>"PostgreSQL host:port/database" from a connection string, never with the password.</summary>
    public static string Describe(string connectionString) => Describe(new NpgsqlConnectionStringBuilder(connectionString));

    private static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"PostgreSQL {builder.Host ?? "localhost"}:{builder.Port}/{builder.Database ?? builder.Username ?? "postgres"}";

    public async Task<byte[]> InitializeAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Held until the commit: a second instance starting now waits here, then finds the schema current.
                await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@k);", connection, transaction))
                {
                    lockCommand.Parameters.AddWithValue("k", PostgresSchema.MigrationLockKey);
                    await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await PostgresSchema.MigrateAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

                await using (var insert = new NpgsqlCommand("INSERT INTO settings (key, value) VALUES (@k, @v) ON CONFLICT (key) DO NOTHING;", connection, transaction))
                {
                    insert.Parameters.AddWithValue("k", SigningSecretKey);
                    insert.Parameters.AddWithValue("v", RandomNumberGenerator.GetBytes(32));
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                byte[] secret;
                await using (var read = new NpgsqlCommand("SELECT value FROM settings WHERE key = @k;", connection, transaction))
                {
                    read.Parameters.AddWithValue("k", SigningSecretKey);
                    secret = (byte[])(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return secret;
            }
        }
    }

    public async Task<IStoreSession> OpenSessionAsync(bool write, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Npgsql sends the BEGIN with the first command, so opening a session costs no round trip.
            var transaction = await connection.BeginTransactionAsync(write ? IsolationLevel.ReadCommitted : IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            return new PostgresStoreSession(connection, transaction, write);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<DateTimeOffset?> NextJobDueAtAsync(CancellationToken cancellationToken)
    {
        // Jobs another instance is working on right now (row locked by its claim) are skipped: otherwise this
        // instance would see them as due and spin on claims that find nothing until that instance commits.
        // FOR KEY SHARE is the weakest row lock, held only for this one statement.
        await using var command = _dataSource.CreateCommand("SELECT due_at FROM jobs ORDER BY due_at, id LIMIT 1 FOR KEY SHARE SKIP LOCKED;");
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DateTime due ? new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)) : null;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
