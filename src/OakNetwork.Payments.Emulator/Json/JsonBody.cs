using System.Text.Json;
using System.Text.Unicode;
using OakNetwork.Payments.Emulator.Api;

namespace OakNetwork.Payments.Emulator.Json;

/// <summary>
/// Parses request bodies defensively: invalid UTF-8, malformed JSON, duplicate keys, nesting deeper than 64 and a
/// root that is not an object all become a 400 envelope, never an exception that escapes.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = 64,
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    public static JsonDocument ParseObject(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            throw ApiException.Validation("Request body is required", new FailureReason("missing_body", "A JSON object body is required", []));
        }

        if (!Utf8.IsValid(body.Span))
        {
            throw Malformed("The request body is not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException)
        {
            throw Malformed("The request body is not well-formed JSON (or nests deeper than 64 levels, or repeats a key)");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw ApiException.Validation("Request body must be a JSON object", new FailureReason("invalid_type", "The request body must be a JSON object", []));
        }

        return document;
    }

    /// <summary>Reads a string property; null when absent or JSON null; an error when of another type.</summary>
    public static string? OptionalString(JsonElement obj, string name, List<FailureReason> errors, int maxLength = TextRules.MaxLength)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return StringValue(value, name, errors, maxLength);
    }

    /// <summary>Reads a required string property, adding a <c>required</c> reason when absent or null.</summary>
    public static string? RequiredString(JsonElement obj, string name, List<FailureReason> errors, int maxLength = TextRules.MaxLength)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(FailureReason.For(name, "required", $"{name} is required"));
            return null;
        }

        return StringValue(value, name, errors, maxLength);
    }

    /// <summary>Validates a JSON string value: type, length and control characters.</summary>
    public static string? StringValue(JsonElement value, string name, List<FailureReason> errors, int maxLength = TextRules.MaxLength)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(FailureReason.For(name, "invalid_type", $"{name} must be a string"));
            return null;
        }

        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            errors.Add(FailureReason.For(name, "invalid_characters", $"{name} must be valid Unicode text"));
            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(FailureReason.For(name, "too_long", $"{name} must be at most {maxLength} characters"));
            return null;
        }

        if (TextRules.HasControlCharacters(text))
        {
            errors.Add(FailureReason.For(name, "invalid_characters", $"{name} must not contain control characters"));
            return null;
        }

        return text;
    }

    /// <summary>Reads an optional integer property within a range.</summary>
    public static long? OptionalInteger(JsonElement obj, string name, List<FailureReason> errors, long min = long.MinValue, long max = long.MaxValue)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < min || number > max)
        {
            errors.Add(FailureReason.For(name, "invalid_type", $"{name} must be an integer between {min} and {max}"));
            return null;
        }

        return number;
    }

    private static ApiException Malformed(string message) =>
        ApiException.Validation("Malformed JSON body", new FailureReason("malformed_json", message, []));
}
