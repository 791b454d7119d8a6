using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace OakNetwork.Payments.Benchmarks.Micro;

/// <summary>
/// One call through the whole client with no I/O (a handler answering from memory): the SDK's pipeline (headers,
/// cached token, idempotency key, Polly, telemetry scope, parsing) against a hand-written
/// <see cref="HttpClient"/> call that sends the same headers and parses with plain System.Text.Json.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PipelineBenchmarks : IDisposable
{
    private static readonly Uri BaseUrl = new("http://oak.invalid/");
    private readonly HttpClient _http = new(new CannedHandler()) { Timeout = Timeout.InfiniteTimeSpan };
    private OakClient _client = null!;
    private string _token = "";

    /// <summary>Creates the clients and caches the token, so each call measures a warm client.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _client = new OakClient(new OakClientOptions { BaseUrl = BaseUrl, ClientId = "id", ClientSecret = "secret" }, _http);
        _client.Customers.GetAsync(SampleData.CustomerId).GetAwaiter().GetResult().EnsureOk();
        _token = _client.Pipeline.Tokens.GetAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult().Value!;
    }

    /// <summary>GET a customer by hand.</summary>
    /// <returns>The customer's id.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("get")]
    public async Task<string?> RawGet()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUrl, "/api/v1/customers/" + SampleData.CustomerId));
        AddHeaders(request);
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return JsonSerializer.Deserialize(bytes, RawJsonContext.Default.CustomerEnvelope)!.Data!.Id;
    }

    /// <summary>GET a customer through the SDK.</summary>
    /// <returns>The customer's id.</returns>
    [Benchmark]
    [BenchmarkCategory("get")]
    public async Task<string?> SdkGet() => (await _client.Customers.GetAsync(SampleData.CustomerId).ConfigureAwait(false)).Value!.Data.Id;

    /// <summary>POST a create by hand (same headers, an idempotency key like the SDK's).</summary>
    /// <returns>The customer's id.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("create")]
    public async Task<string?> RawCreate()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl, "/api/v1/customers"));
        AddHeaders(request);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString("D"));
        var body = JsonSerializer.SerializeToUtf8Bytes(SampleData.RawCreateRequest("maria.silva@example.com"), RawJsonContext.Default.RawCreateCustomer);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return JsonSerializer.Deserialize(bytes, RawJsonContext.Default.CustomerEnvelope)!.Data!.Id;
    }

    /// <summary>POST a create through the SDK.</summary>
    /// <returns>The customer's id.</returns>
    [Benchmark]
    [BenchmarkCategory("create")]
    public async Task<string?> SdkCreate() =>
        (await _client.Customers.CreateAsync(SampleData.CreateRequest("maria.silva@example.com")).ConfigureAwait(false)).Value!.Data.Id;

    /// <summary>Releases the clients.</summary>
    public void Dispose()
    {
        _client?.Dispose();
        _http.Dispose();
        GC.SuppressFinalize(this);
    }

    private void AddHeaders(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("User-Agent", "raw-baseline/1.0");
        request.Headers.TryAddWithoutValidation("Oak-Version", "0.1.0");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
    }
}
