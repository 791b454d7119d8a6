namespace OakNetwork.Payments.Emulator.Admin;

/// <summary>Injected faults: added latency, a random error rate with a status, and 429 throttling.</summary>
/// <param name="LatencyMs">Milliseconds added before answering.</param>
/// <param name="ErrorRate">Share of requests (0 to 1) answered with <paramref name="ErrorStatus"/>.</param>
/// <param name="ErrorStatus">The status of injected errors (400 to 599).</param>
/// <param name="ThrottlePerSecond">Requests allowed per second before 429; 0 for no throttling.</param>
/// <param name="PathPrefix">Only paths starting with this; null for every API path (admin and token excepted).</param>
internal sealed record FaultSettings(int LatencyMs, double ErrorRate, int ErrorStatus, int ThrottlePerSecond, string? PathPrefix)
{
    public static readonly FaultSettings None = new(0, 0, 503, 0, null);

    public bool IsNone => LatencyMs == 0 && ErrorRate == 0 && ThrottlePerSecond == 0;
}
