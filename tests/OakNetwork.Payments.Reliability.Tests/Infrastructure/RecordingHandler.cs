using System.Collections.Concurrent;

namespace OakNetwork.Payments.Reliability.Tests.Infrastructure;

/// <summary>
/// Sits under the SDK's <see cref="HttpClient"/> and records what went over the wire: the status of every answer
/// (by status code), transport failures, and the bearer tokens sent.
/// </summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    private int _sent;
    private int _transportFailures;

    public ConcurrentDictionary<int, int> Statuses { get; } = new();

    public ConcurrentDictionary<string, byte> BearerTokens { get; } = new();

    public int Sent => Volatile.Read(ref _sent);

    public int TransportFailures => Volatile.Read(ref _transportFailures);

    public int Count(int status) => Statuses.TryGetValue(status, out var n) ? n : 0;

    public HttpClient CreateClient() => new(this, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sent);
        if (request.Headers.Authorization is { Scheme: "Bearer", Parameter: { } token })
        {
            BearerTokens.TryAdd(token, 0);
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            return response;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _transportFailures);
            throw;
        }
    }
}
