namespace OakNetwork.Payments.Emulator.Platforms;

/// <summary>A validated populate-platform body: provider, role, and the other keys as a JSON object text.</summary>
internal sealed record PopulateRequest(string Provider, string TargetRole, IReadOnlyDictionary<string, string> Data);
