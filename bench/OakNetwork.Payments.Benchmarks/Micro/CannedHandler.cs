using System.Net;
using System.Net.Http.Headers;

namespace OakNetwork.Payments.Benchmarks.Micro;

/// <summary>An HTTP handler with no I/O: the token grant gets a token, anything else the canned customer.</summary>
internal sealed class CannedHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.RequestUri!.AbsolutePath.EndsWith("/token/grant", StringComparison.Ordinal)
            ? SampleData.TokenGrant
            : SampleData.CustomerEnvelope;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
