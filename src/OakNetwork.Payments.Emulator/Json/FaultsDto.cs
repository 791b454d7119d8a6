namespace OakNetwork.Payments.Emulator.Json;

/// <summary>The injected faults in force.</summary>
internal sealed record FaultsDto(int LatencyMs, double ErrorRate, int ErrorStatus, int ThrottlePerSecond, string? PathPrefix);
