namespace OakNetwork.Payments.Emulator.Storage;

/// <summary>A merchant: the owner of customers, identified by its client credentials.</summary>
/// <param name="Id">The merchant id (the token's <c>sub</c>).</param>
/// <param name="ClientId">The client id used at the token grant.</param>
/// <param name="SecretHash">SHA-256 of the client secret; the secret itself is never stored.</param>
/// <param name="IsDevelopment">Whether this is the well-known development merchant (kept by a reset).</param>
/// <param name="CreatedAt">When it was created.</param>
internal sealed record MerchantRecord(string Id, string ClientId, byte[] SecretHash, bool IsDevelopment, DateTimeOffset CreatedAt);
