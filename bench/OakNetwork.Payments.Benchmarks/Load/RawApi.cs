using System.Net.Http.Headers;
using System.Text.Json;
using OakNetwork.Payments.Benchmarks.Micro;

namespace OakNetwork.Payments.Benchmarks.Load;

/// <summary>
/// The baseline client: a hand-written <see cref="HttpClient"/> + System.Text.Json (source-generated DTOs), the
/// same URLs, headers and token as the SDK, no retries, no telemetry. The response is streamed into the
/// deserializer, as a careful hand-written client would.
/// </summary>
internal sealed class RawApi : IDisposable
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private static readonly MediaTypeHeaderValue JsonContent = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly string _baseUrl;
    private readonly AuthenticationHeaderValue _auth;

    private readonly bool _buffered;

    /// <param name="baseUrl">The emulator.</param>
    /// <param name="token">The bearer token.</param>
    /// <param name="buffered">
    /// An A/B switch for experiments: read each answer whole (<see cref="HttpCompletionOption.ResponseContentRead"/>
    /// then <c>ReadAsByteArrayAsync</c>, as the SDK does) instead of streaming it into the deserializer.
    /// </param>
    public RawApi(Uri baseUrl, string token, bool buffered = false)
    {
        _buffered = buffered;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        _baseUrl = baseUrl.ToString().TrimEnd('/');
        _auth = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task<bool> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUrl + pathAndQuery, UriKind.Absolute));
        AddHeaders(request);
        var envelope = await SendAsync(request, RawJsonContext.Default.CustomerEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope?.Data?.Id is not null;
    }

    public async Task<int> ListAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUrl + pathAndQuery, UriKind.Absolute));
        AddHeaders(request);
        var envelope = await SendAsync(request, RawJsonContext.Default.ListEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope?.Data?.CustomerList.Count ?? -1;
    }

    public async Task<bool> CreateAsync(RawCreateCustomer customer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUrl + "/api/v1/customers", UriKind.Absolute));
        AddHeaders(request);
        // The SDK sends an Idempotency-Key on every POST; the baseline sends the same request.
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString("D"));
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(customer, RawJsonContext.Default.RawCreateCustomer));
        request.Content.Headers.ContentType = JsonContent;
        var envelope = await SendAsync(request, RawJsonContext.Default.CustomerEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope?.Data?.Id is not null;
    }

    public void Dispose() => _http.Dispose();

    private async Task<T?> SendAsync<T>(HttpRequestMessage request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var completion = _buffered ? HttpCompletionOption.ResponseContentRead : HttpCompletionOption.ResponseHeadersRead;
        using var response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return default;
        }

        if (_buffered)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(bytes, typeInfo);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
        }
    }

    private void AddHeaders(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("User-Agent", OakPipeline.UserAgent);
        request.Headers.TryAddWithoutValidation("Oak-Version", OakPipeline.SdkVersion);
        request.Headers.Accept.Add(AcceptJson);
        request.Headers.Authorization = _auth;
    }
}
