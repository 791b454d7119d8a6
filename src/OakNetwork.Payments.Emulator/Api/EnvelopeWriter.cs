using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OakNetwork.Payments.Emulator.Json;

namespace OakNetwork.Payments.Emulator.Api;

/// <summary>Writes envelopes straight to a response, for middleware that runs outside endpoints.</summary>
internal static class EnvelopeWriter
{
    public static Task WriteErrorAsync(HttpContext context, ApiException error)
    {
        foreach (var (name, value) in error.Headers)
        {
            context.Response.Headers[name] = value;
        }

        return WriteErrorAsync(context, error.StatusCode, error.Message, error.Reasons);
    }

    public static async Task WriteErrorAsync(HttpContext context, int status, string msg, IReadOnlyList<FailureReason>? reasons = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var envelope = new ErrorEnvelope(msg, null, ErrorCodes.ForStatus(status), reasons ?? []);
        await JsonSerializer.SerializeAsync(context.Response.Body, envelope, EmulatorJsonContext.Default.ErrorEnvelope, context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task WriteAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, typeInfo, context.RequestAborted).ConfigureAwait(false);
    }
}
