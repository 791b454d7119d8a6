using OakNetwork.Payments.Emulator.Api;

namespace OakNetwork.Payments.Emulator.Hosting;

/// <summary>
/// The last line of defence: contract errors thrown outside endpoints become their envelope, Kestrel's request
/// errors (body too large, bad framing) theirs, anything unexpected the 500 envelope; and an error status left
/// without a body (unknown route, wrong method) gets the envelope too.
/// </summary>
internal sealed partial class ErrorEnvelopeMiddleware(RequestDelegate next, ILogger<ErrorEnvelopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
            var response = context.Response;
            if (!response.HasStarted && response.StatusCode >= 400 && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
            {
                var status = response.StatusCode;
                if (status == StatusCodes.Status415UnsupportedMediaType)
                {
                    // The body binder refused the request's Content-Type: say which one it takes.
                    const string Rule = "Content-Type must be application/json";
                    await EnvelopeWriter.WriteErrorAsync(context, status, ErrorCodes.DefaultMessage(status),
                        [new("unsupported_media_type", Rule, ["Content-Type"])]).ConfigureAwait(false);
                    return;
                }

                await EnvelopeWriter.WriteErrorAsync(context, status, ErrorCodes.DefaultMessage(status),
                    [new(ErrorCodes.ForStatus(status), ErrorCodes.DefaultMessage(status), [])]).ConfigureAwait(false);
            }
        }
        catch (ApiException error) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await EnvelopeWriter.WriteErrorAsync(context, error).ConfigureAwait(false);
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            var status = error.StatusCode is >= 400 and < 500 ? error.StatusCode : 400;
            var message = status == 413 ? "Request body too large" : "Bad request";
            await EnvelopeWriter.WriteErrorAsync(context, status, message, [new(status == 413 ? "too_large" : "bad_request", message, [])]).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception error) when (!context.Response.HasStarted)
        {
            // Only the type and the stack: exception messages can quote input, which may be personal data.
            LogUnhandled(logger, error.GetType().FullName ?? "Exception", context.Request.Method, error.StackTrace ?? "");
            context.Response.Clear();
            await EnvelopeWriter.WriteErrorAsync(context, 500, "Internal server error", [new("internal_error", "Internal server error", [])]).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} while answering a {Method} request\n{StackTrace}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, string method, string stackTrace);
}
