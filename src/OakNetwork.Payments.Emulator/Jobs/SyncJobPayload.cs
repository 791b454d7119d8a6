namespace OakNetwork.Payments.Emulator.Jobs;

/// <summary>What a sync job carries: the provider, the fields, and the customer version it was scheduled at.</summary>
internal sealed record SyncJobPayload(string Provider, IReadOnlyList<string> Fields, long Version);
