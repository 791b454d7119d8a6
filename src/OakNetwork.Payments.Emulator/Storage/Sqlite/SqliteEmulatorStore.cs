using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace OakNetwork.Payments.Emulator.Storage.Sqlite;

/// <summary>
/// The SQLite store: one file in WAL mode (readers never block the writer), foreign keys on, a busy timeout so
/// concurrent writers queue instead of failing, full fsync on commit so an answered write survives a crash.
/// Each session is one connection and one transaction; connections are kept open between sessions
/// (<see cref="SqliteConnectionLease"/>, at most <see cref="MaxIdleConnections"/> idle) with their prepared statements.
/// </summary>
internal sealed class SqliteEmulatorStore : IEmulatorStore
{
    private const string SigningSecretKey = "signing_secret";
    private const int MaxIdleConnections = 16;
    private readonly ConcurrentQueue<SqliteConnectionLease> _idle = new();
    private int _idleCount;
    private const int MaxCachedMerchants = 10_000;
    private volatile bool _disposed;

    // Merchants seen by bearer checks, so that a GET does not read the merchants table. Every session that changes
    // merchants (insert, development upsert, reset) bumps the generation and empties the cache when its transaction
    // ends; a lookup caches what it read only if no such bump happened since its session began (before its
    // snapshot), so a removed merchant's token is refused at once. Valid because a SQLite file is served by one
    // emulator process (several instances share PostgreSQL, whose store reads the merchant every time).
    private readonly ConcurrentDictionary<string, MerchantRecord> _merchants = new(StringComparer.Ordinal);
    private readonly Lock _merchantsLock = new();
    private long _merchantGeneration;
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
        var generation = Volatile.Read(ref _merchantGeneration);
        var lease = await RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Write sessions take the write lock now (BEGIN IMMEDIATE): a deferred transaction that later tries to
            // upgrade can fail with SQLITE_BUSY without waiting, which the busy timeout cannot fix.
            await lease.Prepared(write ? "BEGIN IMMEDIATE;" : "BEGIN;", transaction: null).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new SqliteStoreSession(lease, this, generation);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>A merchant cached by an earlier bearer check, if the cache holds it.</summary>
    internal bool TryGetCachedMerchant(string merchantId, out MerchantRecord merchant) =>
        _merchants.TryGetValue(merchantId, out merchant!);

    /// <summary>Caches a merchant read by a session that began at <paramref name="generation"/>, unless merchants changed since.</summary>
    internal void CacheMerchant(MerchantRecord merchant, long generation)
    {
        lock (_merchantsLock)
        {
            if (generation != _merchantGeneration)
            {
                return;
            }

            if (_merchants.Count >= MaxCachedMerchants)
            {
                _merchants.Clear();
            }

            _merchants[merchant.Id] = merchant;
        }
    }

    /// <summary>Forgets every cached merchant; called when a session that changed merchants ends.</summary>
    internal void InvalidateMerchants()
    {
        lock (_merchantsLock)
        {
            _merchantGeneration++;
            _merchants.Clear();
        }
    }

    /// <summary>Takes an idle open connection, or opens one.</summary>
    internal async Task<SqliteConnectionLease> RentAsync(CancellationToken cancellationToken)
    {
        if (_idle.TryDequeue(out var lease))
        {
            Interlocked.Decrement(ref _idleCount);
            return lease;
        }

        return new SqliteConnectionLease(await OpenConnectionAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Gives back a connection whose transaction has ended; closes it when enough are idle or the store is gone.</summary>
    internal void Return(SqliteConnectionLease lease)
    {
        if (_disposed || lease.Connection.State != System.Data.ConnectionState.Open)
        {
            lease.Dispose();
            return;
        }

        if (Interlocked.Increment(ref _idleCount) > MaxIdleConnections)
        {
            Interlocked.Decrement(ref _idleCount);
            lease.Dispose();
            return;
        }

        _idle.Enqueue(lease);
        if (_disposed)
        {
            DisposeIdle();
        }
    }

    public async Task<DateTimeOffset?> NextJobDueAtAsync(CancellationToken cancellationToken)
    {
        var lease = await RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = lease.Prepared("SELECT MIN(due_at) FROM jobs;", transaction: null);
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            Return(lease);
            return value is long micros ? SqliteTime.FromMicros(micros) : null;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        DisposeIdle();

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

    private void DisposeIdle()
    {
        while (_idle.TryDequeue(out var lease))
        {
            lease.Dispose();
        }
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
