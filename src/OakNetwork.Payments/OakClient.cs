namespace OakNetwork.Payments;

/// <summary>
/// The entry point of the Oak Payments SDK: holds the options, the credentials and one HTTP pipeline, and the
/// services (<see cref="Customers"/>). Create one per merchant and reuse it; it is safe for concurrent use.
/// </summary>
public sealed class OakClient : IDisposable
{
    private readonly HttpClient? _httpClient;
    private readonly bool _ownsHttpClient;

    /// <summary>Creates a client with its own <see cref="HttpClient"/> (disposed with the client).</summary>
    /// <param name="options">The settings; copied, so later changes have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public OakClient(OakClientOptions options)
        : this(options ?? throw new ArgumentNullException(nameof(options)), CreateHttpClient(), ownsHttpClient: true)
    {
    }

    /// <summary>
    /// Creates a client over a caller-owned <see cref="HttpClient"/> (for example from <c>IHttpClientFactory</c>),
    /// which the client does not dispose. Its <c>BaseAddress</c> is ignored; its <c>Timeout</c> still applies.
    /// </summary>
    /// <param name="options">The settings; copied, so later changes have no effect.</param>
    /// <param name="httpClient">The HTTP client to send with.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public OakClient(OakClientOptions options, HttpClient httpClient)
        : this(
            options ?? throw new ArgumentNullException(nameof(options)),
            httpClient ?? throw new ArgumentNullException(nameof(httpClient)),
            ownsHttpClient: false)
    {
    }

    /// <summary>
    /// Creates a client that asks <paramref name="httpClientSource"/> for the <see cref="HttpClient"/> of each
    /// exchange (an <c>IHttpClientFactory</c>'s named client, never disposed here).
    /// </summary>
    internal OakClient(OakClientOptions options, Func<HttpClient> httpClientSource)
    {
        var snapshot = options.Clone();
        _httpClient = null;
        _ownsHttpClient = false;
        BaseUrl = snapshot.GetEffectiveBaseUrl();
        Pipeline = new OakPipeline(snapshot, httpClientSource);
        Customers = new CustomerService(this);
    }

    private OakClient(OakClientOptions options, HttpClient httpClient, bool ownsHttpClient)
    {
        var snapshot = options.Clone();
        _httpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        BaseUrl = snapshot.GetEffectiveBaseUrl();
        Pipeline = new OakPipeline(snapshot, () => httpClient);
        Customers = new CustomerService(this);
    }

    /// <summary>The Customers service.</summary>
    public CustomerService Customers { get; }

    /// <summary>The base URL requests go to.</summary>
    public Uri BaseUrl { get; }

    internal OakPipeline Pipeline { get; }

    /// <summary>Disposes the <see cref="HttpClient"/> if the client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient?.Dispose();
        }
    }

    /// <summary>Describes the client by its base URL (never its credentials).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"OakClient {BaseUrl}";

    private static HttpClient CreateHttpClient()
    {
#if NETSTANDARD2_0
        var handler = new HttpClientHandler();
#else
        // Pooled connections are recycled so DNS changes are picked up by a long-lived client.
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
#endif
        // Timeouts are the pipeline's (per try, with the client's TimeProvider).
        return new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }
}
