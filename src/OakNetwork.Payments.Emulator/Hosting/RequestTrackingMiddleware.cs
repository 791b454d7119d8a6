using System.Diagnostics;
using OakNetwork.Payments.Emulator.Admin;
using OakNetwork.Payments.Emulator.Json;

namespace OakNetwork.Payments.Emulator.Hosting;

/// <summary>Gives every response an <c>X-Request-Id</c> and records every request in the journal.</summary>
internal sealed class RequestTrackingMiddleware(RequestDelegate next, RequestJournal journal, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = "req_" + Guid.NewGuid().ToString("N");
        context.SetRequestId(requestId);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["X-Request-Id"] = requestId;
            return Task.CompletedTask;
        });

        var started = Stopwatch.GetTimestamp();
        var status = 500;
        try
        {
            await next(context).ConfigureAwait(false);
            status = context.Response.StatusCode;
        }
        finally
        {
            var key = context.Request.Headers["Idempotency-Key"].ToString();
            journal.Add(new JournalEntryDto(
                requestId,
                context.Request.Method,
                context.Request.Path.Value ?? "/",
                status,
                context.GetMerchantId(),
                key.Length == 0 ? null : key,
                Timestamps.Format(time.GetUtcNow()),
                Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3)));
        }
    }
}
