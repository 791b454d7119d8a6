using System.Diagnostics;
using System.Globalization;
using OakNetwork.Payments.Benchmarks.Serve;

namespace OakNetwork.Payments.Benchmarks.Load;

/// <summary>
/// The emulator the load runner talks to. By default a child process (this program's <c>serve</c> verb), so the
/// allocations and CPU the runner measures in its own process are the clients' alone; <c>--in-process</c> hosts it
/// here instead (then allocation figures include the server's work for both sides equally); <c>--base-url</c>
/// uses a running one.
/// </summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly ServeInstance? _inProcess;

    private EmulatorHost(EmulatorEndpoint endpoint, Process? process, ServeInstance? inProcess)
    {
        Endpoint = endpoint;
        _process = process;
        _inProcess = inProcess;
    }

    public EmulatorEndpoint Endpoint { get; }

    public static async Task<EmulatorHost> StartAsync(int seed, string? postgres, string? dataPath, bool inProcess)
    {
        if (inProcess)
        {
            var instance = await ServeCommand.StartAsync(seed, postgres, dataPath).ConfigureAwait(false);
            return new EmulatorHost(instance.Endpoint, null, instance);
        }

        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        var self = Environment.ProcessPath!;
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.FileName = self;
            start.ArgumentList.Add(typeof(EmulatorHost).Assembly.Location);
        }
        else
        {
            start.FileName = self;
        }

        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--seed");
        start.ArgumentList.Add(seed.ToString(CultureInfo.InvariantCulture));
        if (postgres is not null)
        {
            start.ArgumentList.Add("--postgres");
            start.ArgumentList.Add(postgres);
        }

        if (dataPath is not null)
        {
            start.ArgumentList.Add("--data");
            start.ArgumentList.Add(dataPath);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the emulator process.");
        try
        {
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync().ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The emulator process ended before it was ready (exit code " + (process.HasExited ? process.ExitCode : -1) + ").");
                if (line.StartsWith(ServeCommand.ReadyPrefix, StringComparison.Ordinal))
                {
                    var endpoint = EmulatorEndpoint.FromJson(line[ServeCommand.ReadyPrefix.Length..]);
                    // Keep draining its output so it can never block on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync();
                    return new EmulatorHost(endpoint, process, null);
                }
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public static EmulatorHost Existing(Uri baseUrl, string clientId, string clientSecret) =>
        new(new EmulatorEndpoint(baseUrl, null, clientId, clientSecret, 0, 0, 0, "external"), null, null);

    public async ValueTask DisposeAsync()
    {
        if (_inProcess is not null)
        {
            await _inProcess.DisposeAsync().ConfigureAwait(false);
        }

        if (_process is not null)
        {
            // Closing its standard input asks it to stop; it is ended (by its id) if it does not within 10 s.
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }
}
