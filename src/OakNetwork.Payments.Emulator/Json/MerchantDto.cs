namespace OakNetwork.Payments.Emulator.Json;

/// <summary>A merchant as the admin API shows it (never its secret).</summary>
internal sealed record MerchantDto(string MerchantId, string ClientId);
