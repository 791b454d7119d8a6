namespace OakNetwork.Payments.Emulator.Storage;

/// <summary>A stored customer file's description (the content is read separately).</summary>
internal sealed record FileRecord(Guid Id, Guid CustomerId, string Name, string? FileType, string ContentType, long Size, string Sha256, DateTimeOffset CreatedAt);
