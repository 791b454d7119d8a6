using OakNetwork.Payments.Emulator.Hosting;

namespace OakNetwork.Payments.Emulator.Tests.Infrastructure;

/// <summary>An emulator whose background jobs wait an hour, so registration and sync state stays as set.</summary>
public sealed class QuietJobsFixture : EmulatorFixture
{
    protected override EmulatorOptions CreateOptions()
    {
        var options = base.CreateOptions();
        options.SyncDelay = TimeSpan.FromHours(1);
        options.ReviewDelay = TimeSpan.FromHours(1);
        return options;
    }
}
