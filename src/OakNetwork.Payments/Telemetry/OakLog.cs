using Microsoft.Extensions.Logging;

namespace OakNetwork.Payments;

/// <summary>
/// The SDK's log messages (source-generated). They carry operation names, methods, path templates, statuses,
/// durations and counts only: never a raw path (ids), a query string, a body, a secret or a token.
/// </summary>
internal static partial class OakLog
{
    [LoggerMessage(EventId = 1, EventName = "OperationSucceeded", Level = LogLevel.Debug,
        Message = "{Operation} {Method} {UrlTemplate} answered {StatusCode} in {DurationMs:0.0} ms ({RetryCount} retries)")]
    public static partial void OperationSucceeded(ILogger logger, string operation, string method, string urlTemplate, int statusCode, double durationMs, int retryCount);

    [LoggerMessage(EventId = 2, EventName = "OperationFailed",
        Message = "{Operation} {Method} {UrlTemplate} failed with {ErrorType} (status {StatusCode}) in {DurationMs:0.0} ms ({RetryCount} retries)")]
    public static partial void OperationFailed(ILogger logger, LogLevel level, string operation, string method, string urlTemplate, string errorType, int? statusCode, double durationMs, int retryCount);

    [LoggerMessage(EventId = 3, EventName = "RetryScheduled", Level = LogLevel.Information,
        Message = "{Operation} {Method} {UrlTemplate}: try {Attempt} failed with {ErrorType}; retrying in {DelayMs:0} ms")]
    public static partial void RetryScheduled(ILogger logger, string operation, string method, string urlTemplate, int attempt, string errorType, double delayMs);

    [LoggerMessage(EventId = 4, EventName = "TokenRejected", Level = LogLevel.Information,
        Message = "{Operation} {Method} {UrlTemplate}: the access token was rejected (401); getting a new one and replaying once")]
    public static partial void TokenRejected(ILogger logger, string operation, string method, string urlTemplate);

    [LoggerMessage(EventId = 5, EventName = "TokenRefreshed", Level = LogLevel.Debug,
        Message = "Got a new access token in {DurationMs:0.0} ms; it is replaced in {RefreshInSeconds:0} s")]
    public static partial void TokenRefreshed(ILogger logger, double durationMs, double refreshInSeconds);

    [LoggerMessage(EventId = 6, EventName = "TokenRefreshFailed", Level = LogLevel.Warning,
        Message = "The access-token grant failed with {ErrorType} (status {StatusCode}) in {DurationMs:0.0} ms")]
    public static partial void TokenRefreshFailed(ILogger logger, string errorType, int? statusCode, double durationMs);
}
