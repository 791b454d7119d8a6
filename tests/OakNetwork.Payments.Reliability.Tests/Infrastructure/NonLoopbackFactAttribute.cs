using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace OakNetwork.Payments.Reliability.Tests.Infrastructure;

/// <summary>
/// A fact that needs a non-loopback IPv4 address on this machine; reported as skipped, with the reason, where
/// there is none (never silently passed).
/// </summary>
public sealed class NonLoopbackFactAttribute : FactAttribute
{
    public NonLoopbackFactAttribute()
    {
        if (Address is null)
        {
            Skip = "This machine has no non-loopback IPv4 address to call the emulator from.";
        }
    }

    /// <summary>The first non-loopback IPv4 address of an interface that is up, or null.</summary>
    public static IPAddress? Address { get; } =
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
