using System.Text.Json;
using System.Text.Json.Serialization;

namespace OakNetwork.Payments;

/// <summary>
/// The body of <see cref="CustomerService.PopulatePlatformAsync"/>: the provider, an optional target role and
/// any provider-specific KYC keys (in <see cref="Fields"/>), sent as given.
/// </summary>
public sealed class PlatformRequest
{
    /// <summary>Creates an empty request; set <see cref="Provider"/>.</summary>
    public PlatformRequest()
    {
    }

    /// <summary>Creates a request for a provider.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="targetRole">The target role; <see langword="null"/> lets the server use <c>customer</c>.</param>
    public PlatformRequest(Provider provider, TargetRole? targetRole = null)
    {
        Provider = provider;
        TargetRole = targetRole;
    }

    /// <summary>The provider (required). Wire name <c>provider</c>.</summary>
    public Provider Provider { get; set; }

    /// <summary>The target role; not sent when <see langword="null"/> (the server then uses <c>customer</c>). Wire name <c>target_role</c>.</summary>
    public TargetRole? TargetRole { get; set; }

    /// <summary>Provider-specific keys, sent at the top level of the body as given.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement> Fields { get; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Adds or replaces a provider-specific string key.</summary>
    /// <param name="key">The wire name.</param>
    /// <param name="value">The value; <see langword="null"/> sends <c>null</c>.</param>
    /// <returns>This request, for chaining.</returns>
    public PlatformRequest Set(string key, string? value)
    {
        Fields[key] = value is null ? NullElement() : JsonSerializer.SerializeToElement(value, OakJsonContext.Default.String);
        return this;
    }

    /// <summary>Adds or replaces a provider-specific number key.</summary>
    /// <param name="key">The wire name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This request, for chaining.</returns>
    public PlatformRequest Set(string key, long value)
    {
        Fields[key] = JsonSerializer.SerializeToElement(value, OakJsonContext.Default.Int64);
        return this;
    }

    /// <summary>Adds or replaces a provider-specific boolean key.</summary>
    /// <param name="key">The wire name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This request, for chaining.</returns>
    public PlatformRequest Set(string key, bool value)
    {
        Fields[key] = JsonSerializer.SerializeToElement(value, OakJsonContext.Default.Boolean);
        return this;
    }

    /// <summary>Adds or replaces a provider-specific key with any JSON (an object, an array, ...).</summary>
    /// <param name="key">The wire name.</param>
    /// <param name="value">The JSON value.</param>
    /// <returns>This request, for chaining.</returns>
    public PlatformRequest Set(string key, JsonElement value)
    {
        Fields[key] = value.Clone();
        return this;
    }

    private static JsonElement NullElement()
    {
        using var document = JsonDocument.Parse("null");
        return document.RootElement.Clone();
    }
}
