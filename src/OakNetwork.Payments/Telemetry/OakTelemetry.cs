using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OakNetwork.Payments;

/// <summary>
/// The names under which the SDK reports traces and metrics, for OpenTelemetry's <c>AddSource</c> and
/// <c>AddMeter</c>. Every SDK operation is one <see cref="Activity"/> (named after the operation, for example
/// <c>customers.create</c>) with the HTTP client's spans as its children.
/// </summary>
public static class OakTelemetry
{
    /// <summary>The name of the SDK's <see cref="ActivitySource"/>: <c>OakNetwork.Payments</c>.</summary>
    public const string SourceName = "OakNetwork.Payments";

    /// <summary>The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>: <c>OakNetwork.Payments</c>.</summary>
    public const string MeterName = "OakNetwork.Payments";

    /// <summary>
    /// The histogram of operation durations in seconds, retries and waits included: <c>oak.client.operation.duration</c>.
    /// Tagged with <c>oak.operation</c>, <c>http.request.method</c>, <c>url.template</c>, <c>server.address</c>,
    /// <c>http.response.status_code</c> (when an answer came) and <c>error.type</c> (when the operation failed).
    /// </summary>
    public const string OperationDurationInstrumentName = "oak.client.operation.duration";

    /// <summary>The counter of retried tries: <c>oak.client.retries</c>, tagged with <c>oak.operation</c>, <c>server.address</c> and <c>error.type</c> (why the try failed).</summary>
    public const string RetriesInstrumentName = "oak.client.retries";

    /// <summary>The counter of access-token grants: <c>oak.client.token.refreshes</c>, tagged with <c>server.address</c> and, when the grant failed, <c>error.type</c>.</summary>
    public const string TokenRefreshesInstrumentName = "oak.client.token.refreshes";

    internal static readonly ActivitySource Source = new(SourceName, OakPipeline.SdkVersion);

    internal static readonly Meter Meter = new(MeterName, OakPipeline.SdkVersion);

    internal static readonly Histogram<double> OperationDuration = CreateDurationHistogram();

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        RetriesInstrumentName, "{retry}", "Tries of an Oak API call that failed transiently and were retried.");

    internal static readonly Counter<long> TokenRefreshes = Meter.CreateCounter<long>(
        TokenRefreshesInstrumentName, "{refresh}", "Access-token grants requested from the Oak API.");

    private static Histogram<double> CreateDurationHistogram()
    {
        const string Description = "Duration of Oak SDK operations, from the call to the parsed result, retries included.";
#if NET9_0_OR_GREATER || NETSTANDARD2_0
        // The OpenTelemetry HTTP client duration buckets (seconds); the defaults are made for milliseconds.
        return Meter.CreateHistogram<double>(
            OperationDurationInstrumentName,
            "s",
            Description,
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60] });
#else
        return Meter.CreateHistogram<double>(OperationDurationInstrumentName, "s", Description);
#endif
    }
}
