using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace OakNetwork.Payments;

/// <summary>
/// The telemetry of one SDK operation: its span (current while the HTTP calls are made, so theirs are its
/// children), its tries and retries, and, when it ends, the duration metric and the log line.
/// </summary>
internal sealed class OperationScope
{
    private readonly OakPipeline _pipeline;
    private readonly OakRequest _request;
    private readonly long _started;
    private bool _completed;

    private OperationScope(OakPipeline pipeline, OakRequest request, Activity? activity)
    {
        _pipeline = pipeline;
        _request = request;
        Activity = activity;
        _started = pipeline.TimeProvider.GetTimestamp();
    }

    /// <summary>The operation's span, or <see langword="null"/> when nobody listens.</summary>
    public Activity? Activity { get; }

    /// <summary>Tries retried by the retry policy (transient failures).</summary>
    public int Retries { get; private set; }

    /// <summary>HTTP requests sent for the operation (retries and the replay after a token refresh included).</summary>
    public int Sends { get; private set; }

    /// <summary>The status of the last answer, or <see langword="null"/> when the last try got none.</summary>
    public int? StatusCode { get; private set; }

    /// <summary>Starts the operation's span; it becomes <see cref="System.Diagnostics.Activity.Current"/> for the caller's async flow.</summary>
    public static OperationScope Start(OakPipeline pipeline, OakRequest request)
    {
        var activity = OakTelemetry.Source.StartActivity(request.Operation, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TelemetryTags.Operation, request.Operation);
            activity.SetTag(TelemetryTags.Method, request.Method.Method);
            activity.SetTag(TelemetryTags.UrlTemplate, request.PathTemplate);
            activity.SetTag(TelemetryTags.ServerAddress, pipeline.ServerAddress);
            activity.SetTag(TelemetryTags.ServerPort, pipeline.ServerPort);
        }

        return new OperationScope(pipeline, request, activity);
    }

    /// <summary>Notes that a request is about to be sent.</summary>
    public void OnSending()
    {
        Sends++;
        StatusCode = null;
    }

    /// <summary>Notes the status of an answer.</summary>
    public void OnAnswered(int statusCode) => StatusCode = statusCode;

    /// <summary>Notes a retry decided by the retry policy.</summary>
    public void OnRetry() => Retries++;

    /// <summary>Notes that the server rejected the access token and the call is replayed with a new one.</summary>
    public void OnTokenRejected()
    {
        Activity?.AddEvent(new ActivityEvent("oak.token.rejected"));
        OakLog.TokenRejected(_pipeline.Logger, _request.Operation, _request.Method.Method, _request.PathTemplate);
    }

    /// <summary>Ends the span and records the duration and the log line; only the first call counts.</summary>
    /// <param name="error">Why the operation failed, or <see langword="null"/> when it succeeded.</param>
    public void Complete(OakError? error)
    {
        var statusCode = error is ApiError api ? api.Status : StatusCode;
        if (error is null)
        {
            Finish(null, statusCode, LogLevel.Debug);
            return;
        }

        // A 4xx is an answer the caller handles; a failure to get a proper answer is worth a warning.
        var level = error is ApiError { Status: < 500 } or CanceledError or ValidationError ? LogLevel.Information : LogLevel.Warning;
        Finish(TelemetryTags.ErrorTypeOf(error), statusCode, level);
    }

    /// <summary>Ends the span of an operation that threw (a bug: the pipeline returns its failures).</summary>
    /// <param name="exception">What was thrown.</param>
    public void CompleteUnexpected(Exception exception)
        => Finish(exception.GetType().FullName ?? exception.GetType().Name, StatusCode, LogLevel.Warning);

    private void Finish(string? errorType, int? statusCode, LogLevel level)
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        var elapsed = _pipeline.TimeProvider.GetElapsedTime(_started);
        var resends = Math.Max(0, Sends - 1);

        if (Activity is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                if (statusCode is { } status)
                {
                    activity.SetTag(TelemetryTags.StatusCode, status);
                }

                activity.SetTag(TelemetryTags.RetryCount, Retries);
                if (resends > 0)
                {
                    activity.SetTag(TelemetryTags.ResendCount, resends);
                }

                if (errorType is not null)
                {
                    activity.SetTag(TelemetryTags.ErrorType, errorType);
                }
            }

            // The message of an error may quote the server; only its kind goes on the span.
            activity.SetStatus(errorType is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error, errorType);
            activity.Dispose();
        }

        if (OakTelemetry.OperationDuration.Enabled)
        {
            var tags = new TagList
            {
                { TelemetryTags.Operation, _request.Operation },
                { TelemetryTags.Method, _request.Method.Method },
                { TelemetryTags.UrlTemplate, _request.PathTemplate },
                { TelemetryTags.ServerAddress, _pipeline.ServerAddress },
            };
            if (statusCode is { } status)
            {
                tags.Add(TelemetryTags.StatusCode, status);
            }

            if (errorType is not null)
            {
                tags.Add(TelemetryTags.ErrorType, errorType);
            }

            OakTelemetry.OperationDuration.Record(elapsed.TotalSeconds, tags);
        }

        var logger = _pipeline.Logger;
        if (errorType is null)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                OakLog.OperationSucceeded(logger, _request.Operation, _request.Method.Method, _request.PathTemplate, statusCode ?? 0, elapsed.TotalMilliseconds, Retries);
            }
        }
        else
        {
            OakLog.OperationFailed(logger, level, _request.Operation, _request.Method.Method, _request.PathTemplate, errorType, statusCode, elapsed.TotalMilliseconds, Retries);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{_request} ({Sends} sends, {Retries} retries)";
}
