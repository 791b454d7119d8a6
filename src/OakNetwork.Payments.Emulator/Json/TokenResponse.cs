namespace OakNetwork.Payments.Emulator.Json;

/// <summary>The token grant's answer (not enveloped).</summary>
internal sealed record TokenResponse(string AccessToken, string TokenType, long ExpiresIn);
