namespace OakNetwork.Payments.Emulator.Storage;

/// <summary>A remembered answer to a POST sent with an <c>Idempotency-Key</c>.</summary>
/// <param name="MerchantId">The merchant the key belongs to (keys are scoped per merchant).</param>
/// <param name="Key">The key.</param>
/// <param name="Fingerprint">SHA-256 of method, path and body.</param>
/// <param name="StatusCode">The first answer's status.</param>
/// <param name="ContentType">The first answer's content type.</param>
/// <param name="Body">The first answer's body.</param>
/// <param name="CreatedAt">When it was first answered.</param>
internal sealed record IdempotencyRecord(string MerchantId, string Key, byte[] Fingerprint, int StatusCode, string ContentType, byte[] Body, DateTimeOffset CreatedAt);
