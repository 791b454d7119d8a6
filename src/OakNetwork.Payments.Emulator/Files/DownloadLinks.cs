using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OakNetwork.Payments.Emulator.Auth;
using OakNetwork.Payments.Emulator.Hosting;

namespace OakNetwork.Payments.Emulator.Files;

/// <summary>
/// Signed, expiring download links: <c>/downloads/{file}?customer_id=…&amp;expires=…&amp;signature=…</c>, where the
/// signature is HMAC-SHA256 over file id, customer id and expiry with a key only this emulator holds. A link whose
/// parts were altered, or that expired, is refused.
/// </summary>
internal sealed class DownloadLinks(SigningKeys keys, TimeProvider time, EmulatorOptions options)
{
    public string Create(string baseUrl, Guid fileId, Guid customerId, DateTimeOffset? expiresAt = null)
    {
        var expires = (expiresAt ?? time.GetUtcNow() + options.DownloadLinkLifetime).ToUnixTimeSeconds();
        var signature = Convert.ToHexStringLower(Sign(fileId, customerId, expires));
        return string.Create(CultureInfo.InvariantCulture, $"{baseUrl}/downloads/{fileId:D}?customer_id={customerId:D}&expires={expires}&signature={signature}");
    }

    /// <summary>The customer the link was issued for when it is intact and unexpired; null otherwise.</summary>
    public Guid? Verify(Guid fileId, string? customerId, string? expires, string? signature)
    {
        if (!Guid.TryParseExact(customerId, "D", out var customer)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || signature is null || signature.Length != 64)
        {
            return null;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(given, Sign(fileId, customer, expiresAt)))
        {
            return null;
        }

        return time.GetUtcNow().ToUnixTimeSeconds() < expiresAt ? customer : null;
    }

    private byte[] Sign(Guid fileId, Guid customerId, long expires) =>
        HMACSHA256.HashData(keys.LinkKey, Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{fileId:D}|{customerId:D}|{expires}")));
}
