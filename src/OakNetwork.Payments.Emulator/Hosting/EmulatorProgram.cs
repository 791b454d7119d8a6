using System.Runtime.InteropServices;

namespace OakNetwork.Payments.Emulator.Hosting;

/// <summary>
/// The emulator's command-line entry point, shared by its own executable and <c>oak emulator</c>: parses the
/// arguments, starts the emulator, prints where it listens, its data file and the development credentials, and
/// runs until Ctrl-C, SIGTERM or the given token.
/// </summary>
public static class EmulatorProgram
{
    /// <summary>Runs the emulator until it is asked to stop.</summary>
    /// <param name="args">
    /// <c>--urls</c>, <c>--port</c>, <c>--data</c>, <c>--in-memory</c>, <c>--postgres</c>, <c>--client-id</c>,
    /// <c>--client-secret</c>, <c>--help</c>; the environment variables <c>OAK_EMULATOR_CLIENT_ID</c>,
    /// <c>OAK_EMULATOR_CLIENT_SECRET</c> and <c>OAK_EMULATOR_POSTGRES</c> apply when the options are not given.
    /// </param>
    /// <param name="cancellationToken">Stops the emulator when cancelled.</param>
    /// <returns>The process exit code: 0 after a clean stop, 1 when it could not start, 2 for bad arguments.</returns>
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken) =>
        RunAsync(args, Console.Out, Console.Error, cancellationToken);

    /// <summary>Runs the emulator until it is asked to stop, writing to the given writers.</summary>
    /// <param name="args">As for <see cref="RunAsync(string[], CancellationToken)"/>.</param>
    /// <param name="output">Where the start-up banner goes.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="cancellationToken">Stops the emulator when cancelled.</param>
    /// <returns>The process exit code: 0 after a clean stop, 1 when it could not start, 2 for bad arguments.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var (options, problem, help) = EmulatorArguments.Parse(args, Environment.GetEnvironmentVariable);
        if (help)
        {
            await output.WriteLineAsync(EmulatorArguments.Usage).ConfigureAwait(false);
            return 0;
        }

        if (options is null)
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
            await error.WriteLineAsync(EmulatorArguments.Usage).ConfigureAwait(false);
            return 2;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var sigterm = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        try
        {
            OakEmulator emulator;
            try
            {
                emulator = await OakEmulator.StartAsync(options, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
            catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException or InvalidOperationException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
            {
                await error.WriteLineAsync($"The emulator could not start: {e.Message}").ConfigureAwait(false);
                return 1;
            }

            await using (emulator.ConfigureAwait(false))
            {
                await output.WriteLineAsync($"Oak emulator listening on {emulator.BaseUrl}").ConfigureAwait(false);
                await output.WriteLineAsync($"  Data:          {(emulator.DataPath is null && emulator.Options.PostgresConnectionString is null ? "in memory (temporary file, deleted on stop)" : emulator.StoreDescription)}").ConfigureAwait(false);
                await output.WriteLineAsync($"  Client id:     {emulator.ClientId}").ConfigureAwait(false);
                await output.WriteLineAsync($"  Client secret: {emulator.ClientSecret}").ConfigureAwait(false);
                await output.WriteLineAsync($"  OpenAPI:       {new Uri(emulator.BaseUrl, "openapi/v1.json")}").ConfigureAwait(false);
                await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);

                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Asked to stop.
                }

                await output.WriteLineAsync("Stopping...").ConfigureAwait(false);
            }

            await output.WriteLineAsync("Stopped.").ConfigureAwait(false);
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
