namespace OakNetwork.Payments;

/// <summary>The API answered with an error status (4xx or 5xx).</summary>
public sealed class ApiError : OakError
{
    /// <summary>Creates an API error.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="message">The message (the envelope's <c>msg</c>, or a description of the status).</param>
    /// <param name="errorCode">The envelope's <c>error_code</c>, if any.</param>
    /// <param name="failureReasons">The envelope's <c>failure_reasons</c>, if any.</param>
    /// <param name="rawBody">The response body as text.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="requestId">The <c>X-Request-Id</c> response header.</param>
    public ApiError(
        int status,
        string message,
        string? errorCode = null,
        IReadOnlyList<FailureReason>? failureReasons = null,
        string? rawBody = null,
        IReadOnlyDictionary<string, string>? headers = null,
        string? requestId = null)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
        FailureReasons = failureReasons ?? [];
        RawBody = rawBody;
        Headers = headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        RequestId = requestId;
    }

    /// <summary>The HTTP status code.</summary>
    public int Status { get; }

    /// <summary>The envelope's <c>error_code</c> (for example <c>not_found</c>); <see langword="null"/> with the older envelope.</summary>
    public string? ErrorCode { get; }

    /// <summary>The envelope's <c>failure_reasons</c>; empty when there are none.</summary>
    public IReadOnlyList<FailureReason> FailureReasons { get; }

    /// <summary>The response body as text (JSON or not).</summary>
    public string? RawBody { get; }

    /// <summary>The response headers (names compared ignoring case; repeated values joined with <c>", "</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The <c>X-Request-Id</c> of the response, to quote to Oak support.</summary>
    public string? RequestId { get; }

    /// <inheritdoc/>
    public override string ToString()
        => $"{nameof(ApiError)} {Status}{(ErrorCode is null ? string.Empty : " " + ErrorCode)}: {Message}"
           + (RequestId is null ? string.Empty : $" (request id {RequestId})");
}
