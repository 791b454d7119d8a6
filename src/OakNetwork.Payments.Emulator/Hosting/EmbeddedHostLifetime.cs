namespace OakNetwork.Payments.Emulator.Hosting;

/// <summary>
/// A host lifetime that does not hook Ctrl-C or SIGTERM: whoever embeds the emulator (tests, the CLI,
/// <see cref="EmulatorProgram"/>) decides when it stops.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
