using OakNetwork.Payments.Emulator.Api;

namespace OakNetwork.Payments.Emulator.Hosting;

/// <summary>
/// Reads a request body into memory before any work starts (so no transaction waits on a slow client), enforcing
/// 1 MiB for JSON and <see cref="MaxMultipartBytes"/> for uploads: beyond that, 413.
/// </summary>
internal sealed class RequestBodyBufferMiddleware(RequestDelegate next)
{
    public const int MaxJsonBytes = 1024 * 1024;
    public const int MaxMultipartBytes = 64 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsDelete(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var multipart = request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
        var limit = multipart ? MaxMultipartBytes : MaxJsonBytes;
        var tooLarge = multipart ? "Request body too large (uploads are limited to 10 files of 5 MiB)" : "Request body too large (JSON bodies are limited to 1 MiB)";
        if (request.ContentLength > limit)
        {
            throw ApiException.TooLarge(tooLarge);
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw ApiException.TooLarge(tooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        var body = buffer.ToArray();
        context.SetBufferedBody(body);
        request.Body = new MemoryStream(body, writable: false);
        await next(context).ConfigureAwait(false);
    }
}
