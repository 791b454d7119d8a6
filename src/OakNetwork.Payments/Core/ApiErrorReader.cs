using System.Text;
using System.Text.Json;

namespace OakNetwork.Payments;

/// <summary>
/// Turns an error response into an <see cref="ApiError"/>: the newer envelope (<c>msg</c>, <c>error_code</c>,
/// <c>failure_reasons</c>), the older one (<c>msg</c>, <c>data</c>), other JSON, or a body that is not JSON at all.
/// </summary>
internal static class ApiErrorReader
{
    public static ApiError Read(HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        var raw = Encoding.UTF8.GetString(body);
        string? message = null;
        string? errorCode = null;
        List<FailureReason>? reasons = null;

        if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    message = ReadString(root, "msg") ?? ReadString(root, "message") ?? ReadString(root, "error_description") ?? ReadString(root, "error");
                    errorCode = ReadString(root, "error_code") ?? ReadString(root, "code");
                    if (root.TryGetProperty("failure_reasons", out var items) && items.ValueKind == JsonValueKind.Array)
                    {
                        reasons = [];
                        foreach (var item in items.EnumerateArray())
                        {
                            if (item.ValueKind == JsonValueKind.Object)
                            {
                                reasons.Add(new FailureReason(ReadString(item, "code"), ReadString(item, "message"), ReadFields(item)));
                            }
                            else if (item.ValueKind == JsonValueKind.String)
                            {
                                reasons.Add(new FailureReason(null, item.GetString()));
                            }
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON (an HTML error page from a proxy, plain text, ...): the raw body says it.
            }
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            message = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
        }

        var headers = ReadHeaders(response);
        headers.TryGetValue("X-Request-Id", out var requestId);
        return new ApiError(status, message!, errorCode, reasons, raw, headers, requestId);
    }

    internal static Dictionary<string, string> ReadHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        if (response.Content is not null)
        {
            foreach (var header in response.Content.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }
        }

        return headers;
    }

    private static string? ReadString(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string>? ReadFields(JsonElement item)
    {
        if (!item.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var field in fields.EnumerateArray())
        {
            if (field.ValueKind == JsonValueKind.String)
            {
                names.Add(field.GetString()!);
            }
        }

        return names;
    }
}
