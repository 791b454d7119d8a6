using System.Security.Cryptography;

namespace OakNetwork.Payments.Emulator.Admin;

/// <summary>
/// Holds the faults in force for this instance and decides, per request, what to inject. Throttling is a
/// fixed one-second window shared by all callers.
/// </summary>
internal sealed class FaultInjector(TimeProvider time)
{
    private readonly Lock _lock = new();
    private FaultSettings _settings = FaultSettings.None;
    private long _windowSecond;
    private int _windowCount;

    public FaultSettings Settings
    {
        get => Volatile.Read(ref _settings);
        set
        {
            lock (_lock)
            {
                Volatile.Write(ref _settings, value);
                _windowCount = 0;
            }
        }
    }

    public static bool AppliesTo(FaultSettings settings, PathString path)
    {
        var value = path.Value ?? "/";
        if (value.StartsWith("/_emulator/faults", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (settings.PathPrefix is { Length: > 0 } prefix)
        {
            return value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        }

        return !value.StartsWith("/_emulator", StringComparison.OrdinalIgnoreCase)
            && !value.StartsWith("/api/v1/merchant/token", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Counts the request against the throttle; returns the seconds to wait when over the limit.</summary>
    public (bool Throttled, int Remaining, int ResetSeconds) Throttle(FaultSettings settings)
    {
        var now = time.GetUtcNow();
        var second = now.ToUnixTimeSeconds();
        const int reset = 1; // windows are one second long
        lock (_lock)
        {
            if (second != _windowSecond)
            {
                _windowSecond = second;
                _windowCount = 0;
            }

            if (_windowCount >= settings.ThrottlePerSecond)
            {
                return (true, 0, reset);
            }

            _windowCount++;
            return (false, settings.ThrottlePerSecond - _windowCount, reset);
        }
    }

    public static bool ShouldFail(FaultSettings settings) =>
        settings.ErrorRate > 0 && (settings.ErrorRate >= 1 || RandomNumberGenerator.GetInt32(1_000_000) < settings.ErrorRate * 1_000_000);
}
