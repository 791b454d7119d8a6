using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OakNetwork.Payments.Emulator.Hosting;

namespace OakNetwork.Payments.Emulator.Auth;

/// <summary>
/// Issues and verifies the emulator's access tokens: compact HS256 JWTs with <c>sub</c> (merchant id), <c>iat</c>,
/// <c>exp</c> and <c>jti</c>. Verification accepts only <c>alg: HS256</c>, compares the signature in constant time
/// and refuses expired tokens.
/// </summary>
internal sealed class TokenService(SigningKeys keys, TimeProvider time, EmulatorOptions options)
{
    private const int MaxTokenLength = 4096;
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    /// <summary>The token lifetime in whole seconds (what <c>expires_in</c> reports).</summary>
    public long LifetimeSeconds => Math.Max(1, (long)options.TokenLifetime.TotalSeconds);

    public string Issue(string merchantId, DateTimeOffset? issuedAt = null)
    {
        var iat = (issuedAt ?? time.GetUtcNow()).ToUnixTimeSeconds();
        using var payload = new MemoryStream();
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("sub", merchantId);
            writer.WriteNumber("iat", iat);
            writer.WriteNumber("exp", iat + LifetimeSeconds);
            writer.WriteString("jti", Guid.NewGuid().ToString("N"));
            writer.WriteEndObject();
        }

        var signingInput = Base64Url.EncodeToString(Header) + "." + Base64Url.EncodeToString(payload.ToArray());
        var signature = HMACSHA256.HashData(keys.TokenKey, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>The merchant id of a valid, unexpired token signed by this emulator; null otherwise.</summary>
    public string? ValidateAndGetSubject(string token)
    {
        if (token.Length > MaxTokenLength)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || !TryDecode(parts[0], out var header) || !TryDecode(parts[1], out var payload) || !TryDecode(parts[2], out var signature))
        {
            return null;
        }

        if (!HeaderIsHs256(header))
        {
            return null;
        }

        var expected = HMACSHA256.HashData(keys.TokenKey, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("sub", out var sub) || sub.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var expSeconds))
            {
                return null;
            }

            return time.GetUtcNow().ToUnixTimeSeconds() < expSeconds ? sub.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool HeaderIsHs256(byte[] header)
    {
        try
        {
            using var document = JsonDocument.Parse(header);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("alg", out var alg)
                && alg.ValueKind == JsonValueKind.String
                && alg.ValueEquals("HS256")
                && !root.TryGetProperty("crit", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryDecode(string part, out byte[] bytes)
    {
        bytes = [];
        if (part.Length == 0)
        {
            return false;
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(part);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
