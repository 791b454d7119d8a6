using System.Security.Cryptography;
using System.Text;
using OakNetwork.Payments.Emulator.Api;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.Emulator.Json;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Idempotency;

/// <summary>
/// Honours <c>Idempotency-Key</c> on authenticated POSTs. The key is looked up in the request's own write
/// transaction (which serializes requests with the same key), a remembered answer with the same fingerprint is
/// replayed with <c>Idempotent-Replayed: true</c>, another fingerprint is 409 <c>idempotency_mismatch</c>, and a
/// new 2xx answer is remembered in the same transaction as the work it reports. Error answers are not remembered
/// (as with Stripe): the work did not happen, so a retry may run it.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider time, Hosting.EmulatorOptions options)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext context, UnitOfWork unitOfWork)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Headers.TryGetValue(HeaderName, out var values))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            throw ApiException.Validation("Invalid Idempotency-Key",
                FailureReason.For(HeaderName, "invalid_format", $"{HeaderName} must be 1 to {MaxKeyLength} printable ASCII characters without spaces"));
        }

        var merchantId = context.RequireMerchantId();
        var fingerprint = Fingerprint(context);
        var now = time.GetUtcNow();
        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        var existing = await session.FindIdempotencyRecordAsync(merchantId, key, now - options.IdempotencyWindow, context.RequestAborted).ConfigureAwait(false);
        if (existing is not null)
        {
            if (!CryptographicOperations.FixedTimeEquals(existing.Fingerprint, fingerprint))
            {
                throw new ApiException(409, "Idempotency key reused with a different request",
                    [FailureReason.For(HeaderName, "idempotency_mismatch", $"This {HeaderName} was already used with a different method, path or body")]);
            }

            context.Response.StatusCode = existing.StatusCode;
            context.Response.ContentType = existing.ContentType;
            context.Response.Headers[ReplayedHeader] = "true";
            await context.Response.Body.WriteAsync(existing.Body, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);

        if (context.Response.StatusCode is >= 200 and < 300 && context.Response.Body is MemoryStream buffered)
        {
            await session.SaveIdempotencyRecordAsync(
                new IdempotencyRecord(merchantId, key, fingerprint, context.Response.StatusCode, context.Response.ContentType ?? "application/json; charset=utf-8", buffered.ToArray(), now),
                context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static byte[] Fingerprint(HttpContext context)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(context.Request.Method.ToUpperInvariant() + "\n" + context.Request.Path.Value + context.Request.QueryString.Value + "\n"));
        hash.AppendData(context.GetBufferedBody().Span);
        return hash.GetHashAndReset();
    }
}
