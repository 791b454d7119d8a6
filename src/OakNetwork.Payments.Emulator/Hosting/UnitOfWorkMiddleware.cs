using OakNetwork.Payments.Emulator.Api;
using OakNetwork.Payments.Emulator.Jobs;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Hosting;

/// <summary>
/// Runs each API request in one unit of work. For writes the answer is buffered, the transaction committed only
/// for a 2xx answer, and the answer sent only after the commit: a client never sees a success that was not made
/// durable, and an error leaves nothing half-written.
/// </summary>
internal sealed class UnitOfWorkMiddleware(RequestDelegate next, JobSignal jobSignal)
{
    public async Task InvokeAsync(HttpContext context, UnitOfWork unitOfWork)
    {
        var write = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
            && !ApiPaths.IsUnder(context.Request.Path, ApiPaths.TokenGrant);
        unitOfWork.Write = write;

        if (!write)
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (ApiException error) when (!context.Response.HasStarted)
            {
                await unitOfWork.RollbackAsync().ConfigureAwait(false);
                context.Response.Clear();
                await EnvelopeWriter.WriteErrorAsync(context, error).ConfigureAwait(false);
            }

            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (ApiException error)
            {
                await unitOfWork.RollbackAsync().ConfigureAwait(false);
                context.Response.Clear();
                await EnvelopeWriter.WriteErrorAsync(context, error).ConfigureAwait(false);
            }

            if (context.Response.StatusCode is >= 200 and < 300 && unitOfWork.HasSession)
            {
                // Once the work is done, commit even if the client went away: the outcome must not depend on it.
                await unitOfWork.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                jobSignal.Notify();
            }
            else
            {
                await unitOfWork.RollbackAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            context.Response.Body = original;
        }

        if (buffer.Length > 0)
        {
            context.Response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
