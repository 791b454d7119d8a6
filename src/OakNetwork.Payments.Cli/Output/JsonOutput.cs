using System.Text.Encodings.Web;
using System.Text.Json;

namespace OakNetwork.Payments.Cli.Output;

/// <summary>JSON printing: the server's raw <c>data</c> when it was captured, else the SDK model in contract shape.</summary>
internal static class JsonOutput
{
    /// <summary>snake_case like the wire, every field present (null when unset), like the API's own answers.</summary>
    public static readonly JsonSerializerOptions ModelOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the <c>data</c> member of a raw envelope; false when the body is not such an envelope.</summary>
    public static bool TryWriteData(byte[]? body, TextWriter writer)
    {
        if (body is null || body.Length == 0)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("data", out var data))
            {
                return false;
            }

            writer.WriteLine(Format(data));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static string Format(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Indented))
        {
            element.WriteTo(json);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WriteModel<T>(T value, TextWriter writer)
        => writer.WriteLine(Format(JsonSerializer.SerializeToElement(value, ModelOptions)));
}
