using OakNetwork.Payments.Emulator.Api;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Auth;

/// <summary>
/// Authenticates customer endpoints: a missing bearer token is 401 <c>Token is missing</c>; a malformed, forged
/// or expired one, or one whose merchant no longer exists, is 401 <c>Invalid or expired token</c>.
/// </summary>
internal sealed class BearerAuthMiddleware(RequestDelegate next, TokenService tokens)
{
    public const string MissingMessage = "Token is missing";
    public const string InvalidMessage = "Invalid or expired token";

    public async Task InvokeAsync(HttpContext context, UnitOfWork unitOfWork)
    {
        var header = context.Request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0 || header.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiException.Unauthorized(MissingMessage, "missing_token");
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiException.Unauthorized(InvalidMessage, "invalid_token");
        }

        var subject = tokens.ValidateAndGetSubject(header["Bearer ".Length..].Trim());
        if (subject is null)
        {
            throw ApiException.Unauthorized(InvalidMessage, "invalid_token");
        }

        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        var merchant = await session.FindMerchantAsync(subject, context.RequestAborted).ConfigureAwait(false)
            ?? throw ApiException.Unauthorized(InvalidMessage, "invalid_token");
        context.SetMerchantId(merchant.Id);
        await next(context).ConfigureAwait(false);
    }
}
