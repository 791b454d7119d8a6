namespace OakNetwork.Payments.Emulator.Storage.Sqlite;

/// <summary>Times are stored as INTEGER microseconds since the Unix epoch, UTC (sortable, exact).</summary>
internal static class SqliteTime
{
    public static long ToMicros(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicros(long micros) => new(DateTimeOffset.UnixEpoch.UtcTicks + (micros * 10), TimeSpan.Zero);
}
