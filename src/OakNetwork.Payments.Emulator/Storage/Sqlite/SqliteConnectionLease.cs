using Microsoft.Data.Sqlite;

namespace OakNetwork.Payments.Emulator.Storage.Sqlite;

/// <summary>
/// One open SQLite connection kept by <see cref="SqliteEmulatorStore"/> between sessions, with the prepared
/// commands of its hot statements. Opening a pooled connection ran two PRAGMAs each time, and every statement was
/// prepared anew (<c>sqlite3_prepare_v2</c> was the largest single cost of a <c>GET</c>); a lease runs the PRAGMAs
/// once and prepares each statement once. Used by one session at a time.
/// </summary>
internal sealed class SqliteConnectionLease : IDisposable
{
    // Distinct list filters produce distinct SQL: past this many statements the cache starts over.
    private const int MaxCommands = 64;

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteConnectionLease(SqliteConnection connection)
    {
        Connection = connection;
    }

    public SqliteConnection Connection { get; }

    /// <summary>
    /// The prepared command for <paramref name="sql"/>, its parameters cleared and bound to
    /// <paramref name="transaction"/>. The lease owns it: callers must not dispose it.
    /// </summary>
    public SqliteCommand Prepared(string sql, SqliteTransaction? transaction)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            command.Parameters.Clear();
            command.Transaction = transaction;
            return command;
        }

        if (_commands.Count >= MaxCommands)
        {
            DisposeCommands();
        }

        command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.Prepare();
        _commands.Add(sql, command);
        return command;
    }

    public void Dispose()
    {
        DisposeCommands();
        Connection.Dispose();
    }

    private void DisposeCommands()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
