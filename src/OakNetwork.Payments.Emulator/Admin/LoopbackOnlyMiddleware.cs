using System.Net;
using OakNetwork.Payments.Emulator.Api;

namespace OakNetwork.Payments.Emulator.Admin;

/// <summary>Refuses the admin API (<c>/_emulator</c>) to any client that is not on this machine's loopback.</summary>
internal sealed class LoopbackOnlyMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!IsLoopback(context.Connection.RemoteIpAddress))
        {
            throw new ApiException(403, "The emulator admin API is only available from loopback",
                [new("loopback_only", "The emulator admin API is only available from loopback", [])]);
        }

        return next(context);
    }

    public static bool IsLoopback(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address);
    }
}
