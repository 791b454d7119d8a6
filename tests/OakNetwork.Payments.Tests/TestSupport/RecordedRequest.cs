using System.Net.Http.Headers;

namespace OakNetwork.Payments.Tests.TestSupport;

/// <summary>What the SDK sent, captured before the request is disposed.</summary>
internal sealed class RecordedRequest
{
    public required string Method { get; init; }

    public required Uri Uri { get; init; }

    public required Dictionary<string, string> Headers { get; init; }

    public required byte[] Body { get; init; }

    public string Path => Uri.AbsolutePath;

    public string Query => Uri.Query;

    public string PathAndQuery => Uri.PathAndQuery;

    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public bool IsGrant => Uri.AbsolutePath == "/api/v1/merchant/token/grant";

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static async Task<RecordedRequest> FromAsync(HttpRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Collect(headers, request.Headers);
        byte[] body = [];
        if (request.Content is not null)
        {
            Collect(headers, request.Content.Headers);
            body = await request.Content.ReadAsByteArrayAsync();
        }

        return new RecordedRequest { Method = request.Method.Method, Uri = request.RequestUri!, Headers = headers, Body = body };
    }

    private static void Collect(Dictionary<string, string> into, HttpHeaders headers)
    {
        foreach (var header in headers.NonValidated)
        {
            into[header.Key] = string.Join(", ", header.Value);
        }
    }
}
