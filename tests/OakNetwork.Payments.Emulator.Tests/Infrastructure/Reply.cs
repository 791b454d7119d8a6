using System.Net.Http.Headers;
using System.Text.Json;

namespace OakNetwork.Payments.Emulator.Tests.Infrastructure;

/// <summary>An HTTP answer, read fully: status, headers, body text and (when JSON) the parsed body.</summary>
public sealed class Reply
{
    public Reply(int status, HttpResponseHeaders headers, HttpContentHeaders contentHeaders, byte[] bytes)
    {
        Status = status;
        Headers = headers;
        ContentHeaders = contentHeaders;
        Bytes = bytes;
        Body = System.Text.Encoding.UTF8.GetString(bytes);
        if (contentHeaders.ContentType?.MediaType == "application/json" && bytes.Length > 0)
        {
            Json = JsonDocument.Parse(bytes).RootElement.Clone();
        }
    }

    public int Status { get; }

    public HttpResponseHeaders Headers { get; }

    public HttpContentHeaders ContentHeaders { get; }

    public byte[] Bytes { get; }

    public string Body { get; }

    public JsonElement Json { get; }

    public JsonElement Data => Json.GetProperty("data");

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : ContentHeaders.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues)
        : null;

    public override string ToString() => $"{Status} {Body}";
}
