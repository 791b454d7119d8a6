using System.Globalization;
using OakNetwork.Payments.Emulator.Api;

namespace OakNetwork.Payments.Emulator.Admin;

/// <summary>Applies the injected faults before any work is done: latency, then throttling, then random errors.</summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, FaultInjector injector)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var settings = injector.Settings;
        if (settings.IsNone || !FaultInjector.AppliesTo(settings, context.Request.Path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (settings.LatencyMs > 0)
        {
            await Task.Delay(settings.LatencyMs, context.RequestAborted).ConfigureAwait(false);
        }

        if (settings.ThrottlePerSecond > 0)
        {
            var (throttled, remaining, reset) = injector.Throttle(settings);
            var headers = context.Response.Headers;
            headers["X-RateLimit-Limit"] = settings.ThrottlePerSecond.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
            if (throttled)
            {
                var error = new ApiException(429, "Too many requests", [new("rate_limited", "Too many requests: the emulator's throttle is in force", [])]);
                error.Headers["Retry-After"] = reset.ToString(CultureInfo.InvariantCulture);
                error.Headers["X-RateLimit-Limit"] = settings.ThrottlePerSecond.ToString(CultureInfo.InvariantCulture);
                error.Headers["X-RateLimit-Remaining"] = "0";
                error.Headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
                throw error;
            }
        }

        if (FaultInjector.ShouldFail(settings))
        {
            var status = settings.ErrorStatus;
            throw new ApiException(status, "Injected fault", [new("injected_fault", $"The emulator injected a {status} fault", [])]);
        }

        await next(context).ConfigureAwait(false);
    }
}
