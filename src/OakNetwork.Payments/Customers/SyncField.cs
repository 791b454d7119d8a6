using System.Text.Json.Serialization;

namespace OakNetwork.Payments;

/// <summary>
/// A customer field that can be synced to a provider. An extensible value: any string is accepted (a value the server adds later parses instead of
/// failing), the known values are static properties, and comparison ignores case.
/// </summary>
[JsonConverter(typeof(WireConverter))]
public readonly struct SyncField : IEquatable<SyncField>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string.</summary>
    /// <param name="value">The wire string, for example one of the known values.</param>
    public SyncField(string value) => _value = value;

    /// <summary>The shipping address. Wire value <c>shipping</c>.</summary>
    public static SyncField Shipping { get; } = new("shipping");

    /// <summary>The email address. Wire value <c>email</c>.</summary>
    public static SyncField Email { get; } = new("email");

    /// <summary>The first name. Wire value <c>first_name</c>.</summary>
    public static SyncField FirstName { get; } = new("first_name");

    /// <summary>The last name. Wire value <c>last_name</c>.</summary>
    public static SyncField LastName { get; } = new("last_name");

    /// <summary>The wire string (empty for the default value).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a wire string to a value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator SyncField(string value) => new(value);

    /// <summary>Converts a wire string to a value.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The value.</returns>
    public static SyncField FromString(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(SyncField left, SyncField right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(SyncField left, SyncField right) => !left.Equals(right);

    /// <summary>Compares with another value, ignoring case.</summary>
    /// <param name="other">The other value.</param>
    /// <returns><see langword="true"/> when both have the same wire string, ignoring case.</returns>
    public bool Equals(SyncField other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SyncField other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => Value;

    internal sealed class WireConverter : ExtensibleValueConverter<SyncField>
    {
        protected override SyncField Create(string value) => new(value);
    }
}
