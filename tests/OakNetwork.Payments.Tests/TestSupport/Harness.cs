namespace OakNetwork.Payments.Tests.TestSupport;

/// <summary>An <see cref="OakClient"/> over a <see cref="StubHandler"/> and a fake clock.</summary>
internal sealed class Harness : IDisposable
{
    public const string BaseUrl = "https://oak.test";
    public const string ClientSecret = "s3cr3t-Value-Never-Shown";

    private readonly HttpClient _http;

    private Harness(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> api, Action<OakClientOptions>? configure)
    {
        Handler = new StubHandler(api);
        _http = new HttpClient(Handler);
        var options = new OakClientOptions
        {
            BaseUrl = new Uri(BaseUrl),
            ClientId = "client-1",
            ClientSecret = ClientSecret,
            Retry = new RetryOptions { MaxRetries = 2, Delay = TimeSpan.Zero, MaxDelay = TimeSpan.FromSeconds(30) },
            Timeout = Timeout.InfiniteTimeSpan,
            TimeProvider = Time,
        };
        configure?.Invoke(options);
        Client = new OakClient(options, _http);
    }

    public StubHandler Handler { get; }

    public RecordingTimeProvider Time { get; } = new();

    public OakClient Client { get; }

    public CustomerService Customers => Client.Customers;

    public static Harness Create(Func<RecordedRequest, HttpResponseMessage> api, Action<OakClientOptions>? configure = null)
        => new((r, _) => Task.FromResult(api(r)), configure);

    public static Harness Create(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> api, Action<OakClientOptions>? configure = null)
        => new(api, configure);

    /// <summary>Answers the API calls in order with the given factories, the last one repeating.</summary>
    public static Harness Sequence(params Func<HttpResponseMessage>[] responses)
    {
        var index = -1;
        return Create(_ => responses[Math.Min(Interlocked.Increment(ref index), responses.Length - 1)]());
    }

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
    }
}
