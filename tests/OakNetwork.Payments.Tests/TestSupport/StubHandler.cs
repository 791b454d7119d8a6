using System.Collections.Concurrent;

namespace OakNetwork.Payments.Tests.TestSupport;

/// <summary>
/// An in-memory Oak API: records every request; the token grant answers with <see cref="Grant"/> (by default
/// <c>token-1</c>, <c>token-2</c>, … valid for an hour), everything else with the test's responder.
/// </summary>
internal sealed class StubHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> api) : HttpMessageHandler
{
    private int _grants;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Func<RecordedRequest, int, Task<HttpResponseMessage>> Grant { get; set; }
        = (_, n) => Task.FromResult(Responses.Token($"token-{n}", 3600));

    public List<RecordedRequest> ApiRequests => Requests.Where(r => !r.IsGrant).ToList();

    public int GrantCount => Requests.Count(r => r.IsGrant);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = await RecordedRequest.FromAsync(request);
        Requests.Enqueue(recorded);
        var response = recorded.IsGrant
            ? await Grant(recorded, Interlocked.Increment(ref _grants))
            : await api(recorded, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}
