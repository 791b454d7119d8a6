namespace OakNetwork.Payments.Emulator.Hosting;

/// <summary>
/// Options for an emulator instance: where it listens, where it keeps its data, the development merchant's
/// credentials and the simulated provider delays.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>The default listening URL, <c>http://127.0.0.1:5080</c>.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The default data file, relative to the working directory: <c>.oak/emulator.db</c>.</summary>
    public const string DefaultDataPath = ".oak/emulator.db";

    /// <summary>The development merchant's default client id, <c>oak-dev-client</c>.</summary>
    public const string DefaultClientId = "oak-dev-client";

    /// <summary>The development merchant's default client secret, <c>oak-dev-secret</c>.</summary>
    public const string DefaultClientSecret = "oak-dev-secret";

    /// <summary>
    /// Listening URLs, separated by <c>;</c> (for example <c>http://127.0.0.1:5080</c>). When set, it wins over
    /// <see cref="Port"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: <see cref="DefaultUrl"/>, or loopback on <see cref="Port"/>.</value>
    public string? Urls { get; set; }

    /// <summary>
    /// The loopback port to listen on when <see cref="Urls"/> is not set; <c>0</c> picks a free port.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: port 5080.</value>
    public int? Port { get; set; }

    /// <summary>
    /// The SQLite data file. Its folder is created when missing. Ignored when <see cref="InMemory"/> is set.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: <see cref="DefaultDataPath"/> under the working directory.</value>
    public string? DataPath { get; set; }

    /// <summary>
    /// Keeps the data only for the life of the instance: a temporary SQLite file (same engine, same behaviour,
    /// WAL included) that is deleted when the emulator is disposed.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool InMemory { get; set; }

    /// <summary>
    /// A PostgreSQL connection string (for example <c>Host=db;Port=5432;Username=oak;Password=…;Database=oak</c>).
    /// When set, the data lives in that database instead of a SQLite file (<see cref="DataPath"/> and
    /// <see cref="InMemory"/> are ignored): the schema is created or migrated at start-up, and several instances
    /// may share the database. The database itself must exist.
    /// </summary>
    /// <value>The default value is <see langword="null"/> (SQLite).</value>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The development merchant's client id.</summary>
    /// <value>The default value is <see cref="DefaultClientId"/>.</value>
    public string ClientId { get; set; } = DefaultClientId;

    /// <summary>The development merchant's client secret.</summary>
    /// <value>The default value is <see cref="DefaultClientSecret"/>.</value>
    public string ClientSecret { get; set; } = DefaultClientSecret;

    /// <summary>The life of an access token issued by the token grant.</summary>
    /// <value>The default value is one hour.</value>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a scheduled provider sync takes before it finishes.</summary>
    /// <value>The default value is 300 milliseconds.</value>
    public TimeSpan SyncDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long each simulated KYC review step takes.</summary>
    /// <value>The default value is 300 milliseconds.</value>
    public TimeSpan ReviewDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long a file download link stays valid.</summary>
    /// <value>The default value is 15 minutes.</value>
    public TimeSpan DownloadLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an <c>Idempotency-Key</c> is remembered.</summary>
    /// <value>The default value is 24 hours.</value>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The clock; tests may pass a controllable one.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="TimeProvider.System"/>.</value>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// The minimum level of the emulator's own log messages (ASP.NET Core's are kept at warning, since its request
    /// logs would carry query strings with personal data).
    /// </summary>
    /// <value>The default value is <see cref="Microsoft.Extensions.Logging.LogLevel.Information"/>.</value>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; set; } = Microsoft.Extensions.Logging.LogLevel.Information;

    /// <summary>Creates a copy, so that a running instance is not affected by later changes.</summary>
    /// <returns>A copy of these options.</returns>
    public EmulatorOptions Clone() => (EmulatorOptions)MemberwiseClone();
}
