// The SDK is referenced under the alias OakSdk: its public names (CustomerService, FailureReason, ...) live in
// OakNetwork.Payments, an enclosing namespace of the emulator's, and would otherwise shadow the emulator's own.
extern alias OakSdk;

using OakSdk::OakNetwork.Payments;

namespace OakNetwork.Payments.Emulator.Hosting;

/// <summary>
/// Connects the SDK to a running <see cref="OakEmulator"/>, so an integration test needs two lines:
/// <c>await using var oak = await OakEmulator.StartAsync(); var client = oak.CreateClient();</c>.
/// </summary>
public static class OakEmulatorClientExtensions
{
    /// <summary>
    /// Creates an <see cref="OakClient"/> pointed at the emulator's <see cref="OakEmulator.BaseUrl"/> with its
    /// development merchant's credentials. The caller owns (and disposes) the client.
    /// </summary>
    /// <param name="emulator">The running emulator.</param>
    /// <param name="configure">
    /// Changes the options before the client is created (for example other credentials, retries or a clock);
    /// <see langword="null"/> keeps the defaults.
    /// </param>
    /// <returns>A client for the emulator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="emulator"/> is <see langword="null"/>.</exception>
    public static OakClient CreateClient(this OakEmulator emulator, Action<OakClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var options = new OakClientOptions
        {
            BaseUrl = emulator.BaseUrl,
            ClientId = emulator.ClientId,
            ClientSecret = emulator.ClientSecret,
        };
        configure?.Invoke(options);
        return new OakClient(options);
    }
}
