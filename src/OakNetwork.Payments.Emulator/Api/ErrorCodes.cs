namespace OakNetwork.Payments.Emulator.Api;

/// <summary>The contract's <c>error_code</c> for each status (§1).</summary>
internal static class ErrorCodes
{
    public static string ForStatus(int status) => status switch
    {
        400 or 413 or 415 or 422 => "validation_error",
        401 => "authentication_error",
        403 => "authorization_error",
        404 => "not_found",
        409 => "conflict",
        429 => "rate_limited",
        503 => "provider_unavailable",
        >= 500 => "internal_error",
        _ => "validation_error",
    };

    public static string DefaultMessage(int status) => status switch
    {
        400 => "Bad request",
        401 => "Token is missing",
        403 => "Forbidden",
        404 => "Resource not found",
        405 => "Method not allowed",
        409 => "Conflict",
        413 => "Request body too large",
        415 => "Unsupported media type",
        422 => "Unprocessable request",
        429 => "Too many requests",
        503 => "Provider unavailable",
        _ => status >= 500 ? "Internal server error" : "Request failed",
    };
}
