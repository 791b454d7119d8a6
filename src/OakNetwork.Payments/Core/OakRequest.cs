using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OakNetwork.Payments;

/// <summary>
/// The description of one API call that a service method hands to <see cref="OakPipeline"/>: what to send,
/// never how (auth, retries, idempotency and timeouts are the pipeline's).
/// </summary>
internal sealed class OakRequest(string operation, HttpMethod method, string pathTemplate, string path)
{
    /// <summary>A stable operation name, for example <c>customers.get</c>.</summary>
    public string Operation { get; } = operation;

    public HttpMethod Method { get; } = method;

    /// <summary>The path with placeholders (<c>/api/v1/customers/{id}</c>), safe to log.</summary>
    public string PathTemplate { get; } = pathTemplate;

    /// <summary>The path with escaped segments.</summary>
    public string Path { get; } = path;

    /// <summary>The query string including its leading <c>?</c>, or empty.</summary>
    public string Query { get; set; } = string.Empty;

    /// <summary>Creates the body afresh for each try; <see langword="null"/> for no body.</summary>
    public Func<HttpContent>? Content { get; set; }

    /// <summary>Whether the call needs a bearer token (everything but the token grant).</summary>
    public bool Authenticated { get; set; } = true;

    public static Func<HttpContent> Json<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        // Serialized once; each try gets new content over the same bytes.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);
        return () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        };
    }

    public override string ToString() => $"{Operation} {Method} {PathTemplate}";
}
