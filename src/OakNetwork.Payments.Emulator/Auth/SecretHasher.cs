using System.Security.Cryptography;
using System.Text;

namespace OakNetwork.Payments.Emulator.Auth;

/// <summary>Client secrets are stored as SHA-256 and compared in constant time.</summary>
internal static class SecretHasher
{
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string secret, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(secret), hash);
}
