using System.Security.Cryptography;
using System.Text;

namespace OakNetwork.Payments.Emulator.Auth;

/// <summary>
/// Keys derived from the store's persisted secret (so tokens and download links survive a restart): one for
/// access tokens, one for download links, so that one can never be passed off as the other.
/// </summary>
internal sealed class SigningKeys
{
    private byte[]? _tokenKey;
    private byte[]? _linkKey;

    public byte[] TokenKey => _tokenKey ?? throw new InvalidOperationException("The store is not initialized.");

    public byte[] LinkKey => _linkKey ?? throw new InvalidOperationException("The store is not initialized.");

    public void Load(byte[] secret)
    {
        _tokenKey = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes("oak-emulator/access-token/v1"));
        _linkKey = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes("oak-emulator/download-link/v1"));
    }
}
