using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OakNetwork.Payments;

/// <summary>
/// The one HTTP pipeline of an <see cref="OakClient"/>: client headers, bearer token (with one refresh and
/// replay on 401), <c>Idempotency-Key</c> on POST, a Polly retry around a per-try timeout, and response
/// parsing into <see cref="OakResult{T}"/>, with one span, one duration measurement and one log line per
/// operation. Service methods only describe requests.
/// </summary>
internal sealed class OakPipeline
{
    internal static readonly string SdkVersion = ReadSdkVersion();
    internal static readonly string UserAgent = "oak-payments-dotnet/" + SdkVersion;

    private static readonly ResiliencePropertyKey<TimeSpan> TryTimeoutKey = new("OakNetwork.Payments.TryTimeout");
    private static readonly ResiliencePropertyKey<Attempt> AttemptKey = new("OakNetwork.Payments.Attempt");

    private readonly Func<HttpClient> _httpSource;
    private readonly string _baseUrl;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _maxDelay;
    private readonly TimeProvider _time;
    private readonly ConfigurationError? _configurationError;
    private readonly ResiliencePipeline<HttpResponseMessage> _resilience;

    /// <summary>Creates the pipeline.</summary>
    /// <param name="options">The client's (copied) options.</param>
    /// <param name="httpSource">
    /// Gives the <see cref="HttpClient"/> to send each request with: always the same one for a client built over
    /// an <see cref="HttpClient"/>, a fresh one from <c>IHttpClientFactory</c> for a client registered with DI (so
    /// rotated handlers, and DNS changes, are picked up by a long-lived client).
    /// </param>
    public OakPipeline(OakClientOptions options, Func<HttpClient> httpSource)
    {
        _httpSource = httpSource;
        _time = options.TimeProvider ?? TimeProvider.System;
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger(OakTelemetry.SourceName);
        _configurationError = Validate(options);
        var baseUrl = options.GetEffectiveBaseUrl();
        _baseUrl = baseUrl.IsAbsoluteUri ? baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') : string.Empty;
        ServerAddress = baseUrl.IsAbsoluteUri ? baseUrl.Host : string.Empty;
        ServerPort = baseUrl.IsAbsoluteUri ? baseUrl.Port : 0;
        _timeout = options.Timeout;
        var retry = options.Retry ?? new RetryOptions();
        _maxDelay = retry.MaxDelay < TimeSpan.Zero ? TimeSpan.Zero : retry.MaxDelay;
        _resilience = _configurationError is null ? BuildResilience(retry) : ResiliencePipeline<HttpResponseMessage>.Empty;
        Tokens = new TokenProvider(this, options.ClientId, options.ClientSecret, options.TokenRefreshSkew, _time, _configurationError);
    }

    public TokenProvider Tokens { get; }

    public TimeProvider TimeProvider => _time;

    /// <summary>The SDK's logger (category <c>OakNetwork.Payments</c>); a no-op logger when none was configured.</summary>
    public ILogger Logger { get; }

    /// <summary>The host of the base URL, for the <c>server.address</c> attribute.</summary>
    public string ServerAddress { get; }

    /// <summary>The port of the base URL, for the <c>server.port</c> attribute.</summary>
    public int ServerPort { get; }

    /// <summary>Sends an authenticated call and parses the success envelope.</summary>
    /// <param name="request">What to send.</param>
    /// <param name="typeInfo">The source-generated metadata of the envelope.</param>
    /// <param name="whenDataNull">The value of <c>data</c> when the server sends <c>null</c>; <see langword="null"/> makes that a <see cref="ParseError"/>.</param>
    /// <param name="options">The caller's per-call options.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public async Task<OakResult<ApiResponse<T>>> SendAsync<T>(
        OakRequest request,
        JsonTypeInfo<ApiResponse<T>> typeInfo,
        Func<T>? whenDataNull,
        RequestOptions? options,
        CancellationToken cancellationToken)
    {
        // The span is current from here on, so the token grant's and the HTTP client's spans are its children.
        var scope = OperationScope.Start(this, request);
        OakError? error = null;
        try
        {
            var result = await SendInScopeAsync(request, scope, typeInfo, whenDataNull, options, cancellationToken).ConfigureAwait(false);
            error = result.Error;
            return result;
        }
        catch (Exception ex)
        {
            scope.CompleteUnexpected(ex);
            throw;
        }
        finally
        {
            scope.Complete(error);
        }
    }

    private async Task<OakResult<ApiResponse<T>>> SendInScopeAsync<T>(
        OakRequest request,
        OperationScope scope,
        JsonTypeInfo<ApiResponse<T>> typeInfo,
        Func<T>? whenDataNull,
        RequestOptions? options,
        CancellationToken cancellationToken)
    {
        if (_configurationError is not null)
        {
            return OakResult.Failure<ApiResponse<T>>(_configurationError);
        }

        if (ValidateOptions(options) is { } invalid)
        {
            return OakResult.Failure<ApiResponse<T>>(invalid);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return OakResult.Failure<ApiResponse<T>>(Canceled(request, null));
        }

        // One key per call, reused by every retry and by the replay after a token refresh.
        var idempotencyKey = request.Method == HttpMethod.Post
            ? options?.IdempotencyKey ?? Guid.NewGuid().ToString("D")
            : null;

        var token = await Tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        if (token.Error is not null)
        {
            return OakResult.Failure<ApiResponse<T>>(token.Error);
        }

        var (response, error) = await ExchangeAsync(request, token.Value, idempotencyKey, options, scope, cancellationToken).ConfigureAwait(false);
        if (response?.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The token was revoked or expired early: drop it, get a new one, replay once.
            response.Dispose();
            scope.OnTokenRejected();
            Tokens.Invalidate(token.Value!);
            token = await Tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            if (token.Error is not null)
            {
                return OakResult.Failure<ApiResponse<T>>(token.Error);
            }

            (response, error) = await ExchangeAsync(request, token.Value, idempotencyKey, options, scope, cancellationToken).ConfigureAwait(false);
        }

        if (response is null)
        {
            return OakResult.Failure<ApiResponse<T>>(error!);
        }

        using (response)
        {
            return await ReadAsync(request, response, typeInfo, whenDataNull, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a request through retries and timeouts; returns the final response or the error that ended it.</summary>
    internal async Task<(HttpResponseMessage? Response, OakError? Error)> ExchangeAsync(
        OakRequest request,
        string? bearerToken,
        string? idempotencyKey,
        RequestOptions? options,
        OperationScope? scope,
        CancellationToken cancellationToken)
    {
        var timeout = options?.Timeout ?? _timeout;
        var context = ResilienceContextPool.Shared.Get(request.Operation, cancellationToken);
        context.Properties.Set(TryTimeoutKey, timeout);
        var attempt = new Attempt(this, request, bearerToken, idempotencyKey, options, scope, _httpSource());
        context.Properties.Set(AttemptKey, attempt);
        try
        {
            var response = await _resilience.ExecuteAsync(
                static (context, attempt) => attempt.Pipeline.SendOnceAsync(attempt, context.CancellationToken),
                context,
                attempt).ConfigureAwait(false);
            return (response, null);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            return (null, Canceled(request, ex));
        }
        catch (TimeoutRejectedException ex)
        {
            return (null, new TimeoutError($"{request.Operation} got no answer within {timeout.TotalSeconds:0.###} s (per try).", timeout, ex));
        }
        catch (OperationCanceledException ex)
        {
            // A caller-supplied HttpClient's own Timeout.
            return (null, new TimeoutError($"{request.Operation} got no answer within the HttpClient timeout ({attempt.Http.Timeout.TotalSeconds:0.###} s).", attempt.Http.Timeout, ex));
        }
        catch (HttpRequestException ex)
        {
            return (null, NetworkFailure(request, ex));
        }
        catch (IOException ex)
        {
            return (null, NetworkFailure(request, ex));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> SendOnceAsync(Attempt attempt, CancellationToken cancellationToken)
    {
        var request = attempt.Request;
        using var message = new HttpRequestMessage(request.Method, new Uri(_baseUrl + request.Path + request.Query, UriKind.Absolute));
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        message.Headers.TryAddWithoutValidation("Oak-Version", SdkVersion);
        // Added unparsed: no header-value object per request.
        message.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (attempt.BearerToken is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", attempt.BearerToken);
        }

        if (attempt.IdempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", attempt.IdempotencyKey);
        }

        message.Content = request.Content?.Invoke();
        if (attempt.Options is { } options)
        {
            foreach (var header in options.Headers)
            {
                message.Headers.Remove(header.Key);
                if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value) && message.Content is not null)
                {
                    message.Content.Headers.Remove(header.Key);
                    message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }

        // The body is read whole inside the per-try timeout (into a pooled buffer) and can be re-read afterwards.
        attempt.Scope?.OnSending();
        var response = await attempt.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            await PooledResponseBody.ReplaceContentAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        attempt.Scope?.OnAnswered((int)response.StatusCode);
        return response;
    }

    private async Task<OakResult<ApiResponse<T>>> ReadAsync<T>(
        OakRequest request,
        HttpResponseMessage response,
        JsonTypeInfo<ApiResponse<T>> typeInfo,
        Func<T>? whenDataNull,
        CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode && response.Content is { } content)
        {
            // The content is already buffered (ResponseContentRead): parse straight from that buffer instead of
            // copying it into a new array first. The bytes are copied out only to describe a parse failure.
            ApiResponse<T>? parsed;
            try
            {
                if (content is PooledResponseBody pooled)
                {
                    parsed = JsonSerializer.Deserialize(pooled.Body.Span, typeInfo);
                }
                else
                {
#if NETSTANDARD2_0
                    var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#else
                    var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#endif
                    using (stream)
                    {
                        parsed = JsonSerializer.Deserialize(stream, typeInfo);
                    }
                }
            }
            catch (JsonException)
            {
                parsed = null;
            }
            catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
            {
                return OakResult.Failure<ApiResponse<T>>(Canceled(request, ex));
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                return OakResult.Failure<ApiResponse<T>>(NetworkFailure(request, ex));
            }

            if (parsed is not null && (parsed.Data is not null || whenDataNull is not null))
            {
                parsed.Msg ??= string.Empty;
                parsed.Data ??= whenDataNull!();
                return OakResult.Success(parsed);
            }

            // JSON null, no data, or not the expected JSON: the byte path below reports it.
        }

        byte[] body;
        try
        {
            body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            return OakResult.Failure<ApiResponse<T>>(Canceled(request, ex));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return OakResult.Failure<ApiResponse<T>>(NetworkFailure(request, ex));
        }

        if (!response.IsSuccessStatusCode)
        {
            return OakResult.Failure<ApiResponse<T>>(ApiErrorReader.Read(response, body));
        }

        ApiResponse<T>? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException ex)
        {
            return OakResult.Failure<ApiResponse<T>>(new ParseError($"{request.Operation}: the {status} response body is not the expected JSON ({ex.Message}).", status, Encoding.UTF8.GetString(body), ex));
        }

        if (envelope is null)
        {
            return OakResult.Failure<ApiResponse<T>>(new ParseError($"{request.Operation}: the {status} response body is JSON null.", status, Encoding.UTF8.GetString(body)));
        }

        envelope.Msg ??= string.Empty;
        if (envelope.Data is null)
        {
            if (whenDataNull is null)
            {
                return OakResult.Failure<ApiResponse<T>>(new ParseError($"{request.Operation}: the {status} response has no data.", status, Encoding.UTF8.GetString(body)));
            }

            envelope.Data = whenDataNull();
        }

        return OakResult.Success(envelope);
    }

    internal static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return [];
        }

        if (response.Content is PooledResponseBody pooled)
        {
            return pooled.Body.ToArray();
        }
#if NETSTANDARD2_0
        cancellationToken.ThrowIfCancellationRequested();
        return await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#else
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#endif
    }

    private ResiliencePipeline<HttpResponseMessage> BuildResilience(RetryOptions retry)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxRetries,
                Delay = retry.Delay,
                MaxDelay = _maxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = static args => new ValueTask<bool>(IsTransient(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result)),
                OnRetry = static args =>
                {
                    if (args.Context.Properties.TryGetValue(AttemptKey, out var attempt))
                    {
                        attempt.OnRetry(args.AttemptNumber + 1, TelemetryTags.ErrorTypeOf(args.Outcome.Result, args.Outcome.Exception), args.RetryDelay);
                    }

                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = static args => new ValueTask<TimeSpan>(args.Context.Properties.GetValue(TryTimeoutKey, System.Threading.Timeout.InfiniteTimeSpan)),
        });
        return builder.Build();
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken callerToken) => outcome switch
    {
        { Exception: HttpRequestException or IOException or TimeoutRejectedException } => true,
        { Exception: OperationCanceledException } => !callerToken.IsCancellationRequested,
        { Result: { } response } => (int)response.StatusCode is 408 or 429 or 500 or 502 or 503 or 504,
        _ => false,
    };

    /// <summary>The server's <c>Retry-After</c> (seconds or an HTTP date), capped by MaxDelay; <see langword="null"/> lets Polly back off.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        var delay = header.Delta ?? (header.Date is { } date ? date - _time.GetUtcNow() : (TimeSpan?)null);
        if (delay is null)
        {
            return null;
        }

        return delay.Value < TimeSpan.Zero ? TimeSpan.Zero : delay.Value > _maxDelay ? _maxDelay : delay.Value;
    }

    private static ConfigurationError? Validate(OakClientOptions options)
    {
        foreach (var (setting, problem) in OakClientOptionsRules.Problems(options))
        {
            return new ConfigurationError($"OakClientOptions.{setting} {problem}.", setting);
        }

        return null;
    }

    private static ValidationError? ValidateOptions(RequestOptions? options)
    {
        if (options is null)
        {
            return null;
        }

        if (options.Timeout is { } timeout && timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            return new ValidationError("RequestOptions.Timeout must be positive.", nameof(RequestOptions.Timeout));
        }

        if (options.IdempotencyKey is { Length: 0 })
        {
            return new ValidationError("RequestOptions.IdempotencyKey must not be empty.", nameof(RequestOptions.IdempotencyKey));
        }

        foreach (var header in options.Headers)
        {
            if (string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                return new ValidationError("The Authorization header is set by the SDK and cannot be overridden.", nameof(RequestOptions.Headers));
            }
        }

        return null;
    }

    private static CanceledError Canceled(OakRequest request, Exception? exception)
        => new($"{request.Operation} was canceled.", exception);

    private NetworkError NetworkFailure(OakRequest request, Exception exception)
        => new($"{request.Operation} could not reach {_baseUrl}: {exception.Message}", exception);

    private static string ReadSdkVersion()
    {
        var version = typeof(OakPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(OakPipeline).Assembly.GetName().Version?.ToString(3)
            ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }

    private sealed class Attempt(OakPipeline pipeline, OakRequest request, string? bearerToken, string? idempotencyKey, RequestOptions? options, OperationScope? scope, HttpClient http)
    {
        public OperationScope? Scope { get; } = scope;

        public HttpClient Http { get; } = http;

        public OakPipeline Pipeline { get; } = pipeline;

        public OakRequest Request { get; } = request;

        public string? BearerToken { get; } = bearerToken;

        public string? IdempotencyKey { get; } = idempotencyKey;

        public RequestOptions? Options { get; } = options;

        public void OnRetry(int failedTry, string errorType, TimeSpan delay)
        {
            Scope?.OnRetry();
            if (OakTelemetry.Retries.Enabled)
            {
                OakTelemetry.Retries.Add(
                    1,
                    new KeyValuePair<string, object?>(TelemetryTags.Operation, Request.Operation),
                    new KeyValuePair<string, object?>(TelemetryTags.ServerAddress, Pipeline.ServerAddress),
                    new KeyValuePair<string, object?>(TelemetryTags.ErrorType, errorType));
            }

            OakLog.RetryScheduled(Pipeline.Logger, Request.Operation, Request.Method.Method, Request.PathTemplate, failedTry, errorType, delay.TotalMilliseconds);
        }

        public override string ToString() => Request.ToString();
    }
}
