namespace OakNetwork.Payments.Emulator.Json;

/// <summary>One request of the journal: no body, no query string, no credentials.</summary>
internal sealed record JournalEntryDto(string RequestId, string Method, string Path, int Status, string? MerchantId, string? IdempotencyKey, string Time, double DurationMs);
