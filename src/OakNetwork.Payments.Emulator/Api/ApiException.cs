using OakNetwork.Payments.Emulator.Json;

namespace OakNetwork.Payments.Emulator.Api;

/// <summary>
/// A contract error answer: thrown by parsing, validation and domain code, turned into the error envelope by
/// the pipeline. Nothing done in the request's unit of work is committed when it is thrown.
/// </summary>
internal sealed class ApiException : Exception
{
    public ApiException(int statusCode, string msg, IReadOnlyList<FailureReason>? reasons = null)
        : base(msg)
    {
        StatusCode = statusCode;
        Reasons = reasons ?? [];
    }

    public ApiException()
        : this(500, "Internal server error")
    {
    }

    public ApiException(string message)
        : this(500, message)
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 500;
        Reasons = [];
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The failure reasons.</summary>
    public IReadOnlyList<FailureReason> Reasons { get; }

    /// <summary>Extra response headers (e.g. <c>WWW-Authenticate</c>).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public static ApiException Validation(string msg, params FailureReason[] reasons) => new(400, msg, reasons);

    public static ApiException Validation(IReadOnlyList<FailureReason> reasons) => new(400, "Validation failed", reasons);

    public static ApiException NotFound(string msg = "Resource not found") =>
        new(404, msg, [new FailureReason("not_found", msg, [])]);

    public static ApiException Unauthorized(string msg, string code)
    {
        var e = new ApiException(401, msg, [new FailureReason(code, msg, [])]);
        e.Headers["WWW-Authenticate"] = "Bearer";
        return e;
    }

    public static ApiException TooLarge(string msg, string? field = null) =>
        new(413, msg, [new FailureReason("too_large", msg, field is null ? [] : [field])]);
}
