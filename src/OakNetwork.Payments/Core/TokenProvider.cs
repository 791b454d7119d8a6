using System.Text.Json;

namespace OakNetwork.Payments;

/// <summary>
/// Gets and caches the merchant's access token (client-credentials grant). A valid cached token is read without
/// a lock; when it is missing or due for refresh, concurrent callers share one in-flight grant.
/// </summary>
internal sealed class TokenProvider
{
    internal const string GrantPath = "/api/v1/merchant/token/grant";

    private static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);
    private static readonly TimeSpan LifetimeWhenUnknown = TimeSpan.FromMinutes(5);

    private readonly OakPipeline _pipeline;
    private readonly string? _clientId;
    private readonly string? _clientSecret;
    private readonly TimeSpan _refreshSkew;
    private readonly TimeProvider _time;
    private readonly ConfigurationError? _configurationError;
    private readonly object _gate = new();
    private CachedToken? _cached;
    private Task<TokenOutcome>? _grant;

    public TokenProvider(OakPipeline pipeline, string? clientId, string? clientSecret, TimeSpan refreshSkew, TimeProvider time, ConfigurationError? configurationError)
    {
        _pipeline = pipeline;
        _clientId = clientId;
        _clientSecret = clientSecret;
        _refreshSkew = refreshSkew;
        _time = time;
        _configurationError = configurationError;
    }

    public ValueTask<TokenOutcome> GetAsync(CancellationToken cancellationToken)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached is not null && _time.GetUtcNow() < cached.RefreshAt)
        {
            return new ValueTask<TokenOutcome>(TokenOutcome.Success(cached.Value));
        }

        return new ValueTask<TokenOutcome>(GetSlowAsync(cancellationToken));
    }

    /// <summary>Forgets <paramref name="token"/> if it is still the cached one (the server rejected it).</summary>
    public void Invalidate(string token)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached is not null && string.Equals(cached.Value, token, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _cached, null, cached);
        }
    }

    public override string ToString() => $"TokenProvider for {_clientId}";

    internal static DateTimeOffset? ReadJwtExpiry(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var document = JsonDocument.Parse(Convert.FromBase64String(payload));
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("exp", out var exp)
                && exp.ValueKind == JsonValueKind.Number
                && exp.TryGetDouble(out var seconds))
            {
                return DateTimeOffset.FromUnixTimeSeconds((long)seconds);
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            // Not a JWT after all: fall back to expires_in.
        }

        return null;
    }

    private async Task<TokenOutcome> GetSlowAsync(CancellationToken cancellationToken)
    {
        if (_configurationError is not null)
        {
            return TokenOutcome.Failure(_configurationError);
        }

        Task<TokenOutcome> grant;
        lock (_gate)
        {
            var cached = _cached;
            if (cached is not null && _time.GetUtcNow() < cached.RefreshAt)
            {
                return TokenOutcome.Success(cached.Value);
            }

            // The grant runs on its own (not canceled by any one caller); each caller waits with its own token.
            grant = _grant ??= GrantAsync();
        }

        try
        {
            return await grant.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            return TokenOutcome.Failure(new CanceledError("The call was canceled while waiting for an access token.", ex));
        }
    }

    private async Task<TokenOutcome> GrantAsync()
    {
        // Leave the lock of the caller before doing anything, so the cleanup below always runs after _grant is set.
        await Task.Yield();
        CachedToken? fresh = null;
        OakError? failure = null;
        var started = _time.GetTimestamp();
        try
        {
            var body = new TokenGrantRequest { ClientId = _clientId, ClientSecret = _clientSecret };
            var request = new OakRequest("token.grant", HttpMethod.Post, GrantPath, GrantPath)
            {
                Content = OakRequest.Json(body, OakJsonContext.Default.TokenGrantRequest),
                Authenticated = false,
            };
            var (response, error) = await _pipeline.ExchangeAsync(request, null, null, null, null, CancellationToken.None).ConfigureAwait(false);
            if (response is null)
            {
                return TokenOutcome.Failure(failure = error!);
            }

            using (response)
            {
                var bytes = await OakPipeline.ReadBodyAsync(response, CancellationToken.None).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    return TokenOutcome.Failure(failure = ApiErrorReader.Read(response, bytes));
                }

                TokenGrantResponse? grant;
                try
                {
                    grant = JsonSerializer.Deserialize(bytes, OakJsonContext.Default.TokenGrantResponse);
                }
                catch (JsonException ex)
                {
                    // The raw body is left out: it may hold a token.
                    return TokenOutcome.Failure(failure = new ParseError($"The token grant answer is not the expected JSON ({ex.Message}).", (int)response.StatusCode, null, ex));
                }

                if (grant is null || string.IsNullOrEmpty(grant.AccessToken))
                {
                    return TokenOutcome.Failure(failure = new ParseError("The token grant answer has no access_token.", (int)response.StatusCode, null));
                }

                fresh = NewCachedToken(grant.AccessToken!, grant.ExpiresIn);
                return TokenOutcome.Success(fresh.Value);
            }
        }
        finally
        {
            RecordGrant(fresh, failure, _time.GetElapsedTime(started));
            lock (_gate)
            {
                if (fresh is not null)
                {
                    Volatile.Write(ref _cached, fresh);
                }

                _grant = null;
            }
        }
    }

    /// <summary>Counts the grant and logs it: its duration and outcome, never the token or the credentials.</summary>
    private void RecordGrant(CachedToken? fresh, OakError? failure, TimeSpan elapsed)
    {
        var errorType = fresh is null ? TelemetryTags.ErrorTypeOf(failure ?? new NetworkError("The token grant ended unexpectedly.")) : null;
        if (OakTelemetry.TokenRefreshes.Enabled)
        {
            var serverAddress = new KeyValuePair<string, object?>(TelemetryTags.ServerAddress, _pipeline.ServerAddress);
            if (errorType is null)
            {
                OakTelemetry.TokenRefreshes.Add(1, serverAddress);
            }
            else
            {
                OakTelemetry.TokenRefreshes.Add(1, serverAddress, new KeyValuePair<string, object?>(TelemetryTags.ErrorType, errorType));
            }
        }

        if (fresh is not null)
        {
            var logger = _pipeline.Logger;
            if (logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
            {
                var refreshIn = fresh.RefreshAt - _time.GetUtcNow();
                OakLog.TokenRefreshed(logger, elapsed.TotalMilliseconds, refreshIn.TotalSeconds);
            }
        }
        else
        {
            OakLog.TokenRefreshFailed(_pipeline.Logger, errorType!, (failure as ApiError)?.Status, elapsed.TotalMilliseconds);
        }
    }

    private CachedToken NewCachedToken(string token, double? expiresIn)
    {
        var now = _time.GetUtcNow();
        var expiresAt = ReadJwtExpiry(token);
        if (expiresAt is null || expiresAt <= now)
        {
            // expires_in is read as seconds (OAuth), capped so a milliseconds reading cannot keep a dead token.
            var lifetime = expiresIn is > 0 ? TimeSpan.FromSeconds(Math.Min(expiresIn.Value, MaxLifetime.TotalSeconds)) : LifetimeWhenUnknown;
            expiresAt = now + lifetime;
        }

        var remaining = expiresAt.Value - now;
        var refreshAt = remaining > _refreshSkew ? expiresAt.Value - _refreshSkew : now + TimeSpan.FromTicks(remaining.Ticks / 2);
        return new CachedToken(token, refreshAt);
    }

    private sealed class CachedToken(string value, DateTimeOffset refreshAt)
    {
        public string Value { get; } = value;

        public DateTimeOffset RefreshAt { get; } = refreshAt;

        public override string ToString() => $"token (hidden), refresh at {RefreshAt:O}";
    }
}
