using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace OakNetwork.Payments.Emulator.Storage.Sqlite;

/// <summary>
/// The SQLite store: one file in WAL mode (readers never block the writer), foreign keys on, a busy timeout so
/// concurrent writers queue instead of failing, full fsync on commit so an answered write survives a crash.
/// Each session is one pooled connection and one transaction.
/// </summary>
internal sealed class SqliteEmulatorStore : IEmulatorStore
{
    private const string SigningSecretKey = "signing_secret";
    private readonly string _connectionString;
    private readonly string _path;
    private readonly bool _deleteOnDispose;

    public SqliteEmulatorStore(string path, bool deleteOnDispose)
    {
        _path = Path.GetFullPath(path);
        _deleteOnDispose = deleteOnDispose;
        var folder = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Description => _deleteOnDispose ? "temporary (deleted on stop)" : _path;

    public async Task<byte[]> InitializeAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await SqliteSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction(deferred: false);
            using var read = connection.CreateCommand();
            read.Transaction = transaction;
            read.CommandText = "SELECT value FROM settings WHERE key = $k;";
            read.Parameters.AddWithValue("$k", SigningSecretKey);
            if (await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] existing)
            {
                return existing;
            }

            var secret = RandomNumberGenerator.GetBytes(32);
            using var write = connection.CreateCommand();
            write.Transaction = transaction;
            write.CommandText = "INSERT INTO settings (key, value) VALUES ($k, $v);";
            write.Parameters.AddWithValue("$k", SigningSecretKey);
            write.Parameters.AddWithValue("$v", secret);
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            transaction.Commit();
            return secret;
        }
    }

    public async Task<IStoreSession> OpenSessionAsync(bool write, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Write sessions take the write lock now (BEGIN IMMEDIATE): a deferred transaction that later tries to
            // upgrade can fail with SQLITE_BUSY without waiting, which the busy timeout cannot fix.
            var transaction = connection.BeginTransaction(deferred: !write);
            return new SqliteStoreSession(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<DateTimeOffset?> NextJobDueAtAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT MIN(due_at) FROM jobs;";
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is long micros ? SqliteTime.FromMicros(micros) : null;
        }
    }

    public ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        if (_deleteOnDispose)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                try
                {
                    File.Delete(_path + suffix);
                }
                catch (IOException)
                {
                    // Best effort: a temporary file left behind is harmless.
                }
                catch (UnauthorizedAccessException)
                {
                    // Same.
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
