namespace OakNetwork.Payments;

/// <summary>The attribute names of the SDK's spans and metrics (OpenTelemetry HTTP client conventions, plus <c>oak.*</c>).</summary>
internal static class TelemetryTags
{
    public const string Operation = "oak.operation";
    public const string RetryCount = "oak.retry_count";
    public const string Method = "http.request.method";
    public const string UrlTemplate = "url.template";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string StatusCode = "http.response.status_code";
    public const string ResendCount = "http.request.resend_count";
    public const string ErrorType = "error.type";

    /// <summary>The <c>error.type</c> of a failure: the status code of an API error, <c>timeout</c>, or the error's kind.</summary>
    public static string ErrorTypeOf(OakError error) => error switch
    {
        ApiError api => api.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        TimeoutError => "timeout",
        _ => error.GetType().Name,
    };

    /// <summary>The <c>error.type</c> of a failed try, as Polly reports it.</summary>
    public static string ErrorTypeOf(HttpResponseMessage? response, Exception? exception) => exception switch
    {
        Polly.Timeout.TimeoutRejectedException => "timeout",
        not null => exception.GetType().FullName ?? exception.GetType().Name,
        _ => response is null ? "_OTHER" : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
