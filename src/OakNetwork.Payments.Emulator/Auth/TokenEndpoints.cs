using OakNetwork.Payments.Emulator.Api;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.Emulator.Json;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Auth;

/// <summary>The token grant (contract §2): not enveloped on success; 404 on bad credentials; 422 on a bad request.</summary>
internal static class TokenEndpoints
{
    public const string BadCredentials = "Merchant not found or invalid credentials";

    public static void MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiPaths.TokenGrant, GrantAsync).WithTags("Authentication").WithName("GrantToken").WithSummary("Exchange client credentials for an access token")
            .Accepts<System.Text.Json.JsonElement>("application/json").Produces<TokenResponse>().Produces<ErrorEnvelope>(404).Produces<ErrorEnvelope>(422);
    }

    private static async Task<IResult> GrantAsync(HttpContext context, UnitOfWork unitOfWork, TokenService tokens)
    {
        using var body = ParseBody(context);
        var root = body.RootElement;
        var errors = new List<FailureReason>();
        var clientId = JsonBody.RequiredString(root, "client_id", errors);
        var clientSecret = JsonBody.RequiredString(root, "client_secret", errors);
        var grantType = JsonBody.RequiredString(root, "grant_type", errors);
        if (grantType is not null && grantType != "client_credentials")
        {
            errors.Add(FailureReason.For("grant_type", "invalid_value", "grant_type must be client_credentials"));
        }

        if (errors.Count > 0)
        {
            throw new ApiException(422, "Invalid token request", errors);
        }

        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        var merchant = await session.FindMerchantByClientIdAsync(clientId!, context.RequestAborted).ConfigureAwait(false);
        if (merchant is null || !SecretHasher.Matches(clientSecret!, merchant.SecretHash))
        {
            throw ApiException.NotFound(BadCredentials);
        }

        var token = tokens.Issue(merchant.Id);
        return TypedResults.Json(new TokenResponse(token, "Bearer", tokens.LifetimeSeconds), EmulatorJsonContext.Default.TokenResponse);
    }

    private static System.Text.Json.JsonDocument ParseBody(HttpContext context)
    {
        try
        {
            return JsonBody.ParseObject(context.GetBufferedBody());
        }
        catch (ApiException e)
        {
            // The contract makes every malformed grant request a 422.
            throw new ApiException(422, e.Message, e.Reasons);
        }
    }
}
