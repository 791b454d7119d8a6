using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OakNetwork.Payments.Emulator.Auth;
using OakNetwork.Payments.Emulator.Storage;
using OakNetwork.Payments.Emulator.Storage.Postgres;
using OakNetwork.Payments.Emulator.Storage.Sqlite;

namespace OakNetwork.Payments.Emulator.Hosting;

/// <summary>
/// A running emulator, hosted in this process on a real Kestrel server. Start one with
/// <see cref="StartAsync(EmulatorOptions?, CancellationToken)"/>, point any Oak client at <see cref="BaseUrl"/>
/// with <see cref="ClientId"/>/<see cref="ClientSecret"/>, and dispose it to stop it.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await OakEmulator.StartAsync(new EmulatorOptions { Port = 0, InMemory = true });
/// Console.WriteLine(emulator.BaseUrl);
/// </code>
/// </example>
public sealed class OakEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IEmulatorStore _store;
    private int _stopped;
    private int _disposed;

    private OakEmulator(WebApplication app, IEmulatorStore store, EmulatorOptions options, Uri baseUrl, string? dataPath)
    {
        _app = app;
        _store = store;
        Options = options;
        BaseUrl = baseUrl;
        DataPath = dataPath;
        StoreDescription = store.Description;
    }

    /// <summary>The base URL clients use (the API is under <c>/api/v1</c>), e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The development merchant's client id.</summary>
    public string ClientId => Options.ClientId;

    /// <summary>The development merchant's client secret.</summary>
    public string ClientSecret => Options.ClientSecret;

    /// <summary>
    /// The full path of the SQLite data file, or <see langword="null"/> for an in-memory (temporary) emulator or
    /// one on PostgreSQL.
    /// </summary>
    public string? DataPath { get; }

    /// <summary>
    /// Where the data lives, for people: the SQLite file's path, "temporary (deleted on stop)", or
    /// "PostgreSQL host:port/database" (never the password).
    /// </summary>
    public string StoreDescription { get; }

    /// <summary>The options the emulator runs with (a copy; changing it has no effect).</summary>
    public EmulatorOptions Options { get; }

    /// <summary>The emulator's services, for tests and embedding hosts.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Opens (creating and migrating if needed) the data file, makes sure the development merchant exists with the
    /// configured credentials, and starts listening.
    /// </summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    /// <returns>The running emulator.</returns>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="Npgsql.NpgsqlException">The PostgreSQL server could not be reached or refused the connection.</exception>
    public static async Task<OakEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = (options ?? new EmulatorOptions()).Clone();
        Validate(options);
        var time = options.TimeProvider ?? TimeProvider.System;
        var postgres = !string.IsNullOrWhiteSpace(options.PostgresConnectionString);
        var dataPath = postgres || options.InMemory ? null : Path.GetFullPath(options.DataPath ?? EmulatorOptions.DefaultDataPath);
        IEmulatorStore store = postgres
            ? new PostgresEmulatorStore(options.PostgresConnectionString!)
            : new SqliteEmulatorStore(
                dataPath ?? Path.Combine(Path.GetTempPath(), "oak-emulator-" + Guid.NewGuid().ToString("N") + ".db"),
                deleteOnDispose: dataPath is null);
        WebApplication? app = null;
        try
        {
            var secret = await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            var session = await store.OpenSessionAsync(write: true, cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                await session.UpsertDevelopmentMerchantAsync(options.ClientId, SecretHasher.Hash(options.ClientSecret), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            var urls = options.Urls ?? (options.Port is { } port ? string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}") : EmulatorOptions.DefaultUrl);
            app = EmulatorApp.Build(options, store, secret, urls);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The server reported no listening address.");
            return new OakEmulator(app, store, options, ClientFacing(address), dataPath);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops listening, letting requests in flight finish; queued jobs stay queued for the next start.</summary>
    /// <param name="cancellationToken">Makes the stop less graceful.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the emulator and releases the data file (deleting it when in memory).</summary>
    /// <returns>A task that completes when everything is released.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            await _store.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void Validate(EmulatorOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            try
            {
                _ = new Npgsql.NpgsqlConnectionStringBuilder(options.PostgresConnectionString);
            }
            catch (ArgumentException e)
            {
                // The message of a bad connection string never repeats the string (it may hold a password).
                throw new ArgumentException("PostgresConnectionString is not a valid PostgreSQL connection string: " + e.Message, nameof(options));
            }
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException("Port must be from 0 to 65535.", nameof(options));
        }

        if (string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret))
        {
            throw new ArgumentException("ClientId and ClientSecret must not be empty.", nameof(options));
        }

        if (options.TokenLifetime <= TimeSpan.Zero || options.SyncDelay < TimeSpan.Zero || options.ReviewDelay < TimeSpan.Zero || options.DownloadLinkLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("Lifetimes must be positive and delays not negative.", nameof(options));
        }
    }

    private static Uri ClientFacing(string address)
    {
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0")
        {
            uri.Host = "127.0.0.1";
        }
        else if (uri.Host is "[::]" or "::")
        {
            uri.Host = "[::1]";
        }

        uri.Path = "/";
        return uri.Uri;
    }
}
