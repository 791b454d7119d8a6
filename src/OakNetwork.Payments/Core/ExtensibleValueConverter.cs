using System.Text.Json;
using System.Text.Json.Serialization;

namespace OakNetwork.Payments;

/// <summary>
/// Reads and writes an extensible value (a struct wrapping a wire string) as a JSON string. A number or a
/// boolean is accepted too and kept as its text, so an unexpected server value never fails parsing.
/// </summary>
internal abstract class ExtensibleValueConverter<T> : JsonConverter<T>
    where T : struct
{
    protected abstract T Create(string value);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return Create(reader.GetString() ?? string.Empty);
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return Create(document.RootElement.GetRawText());
                }
            default:
                throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToString());
}
