using System.Text.Json.Serialization;

namespace OakNetwork.Payments;

/// <summary>
/// The role a customer's registration plays at a provider. An extensible value: any string is accepted (a value the server adds later parses instead of
/// failing), the known values are static properties, and comparison ignores case.
/// </summary>
[JsonConverter(typeof(WireConverter))]
public readonly struct TargetRole : IEquatable<TargetRole>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string.</summary>
    /// <param name="value">The wire string, for example one of the known values.</param>
    public TargetRole(string value) => _value = value;

    /// <summary>A paying customer (the default). Wire value <c>customer</c>.</summary>
    public static TargetRole Customer { get; } = new("customer");

    /// <summary>A connected (merchant) account. Wire value <c>connected_account</c>.</summary>
    public static TargetRole ConnectedAccount { get; } = new("connected_account");

    /// <summary>A sub-account. Wire value <c>subaccount</c>.</summary>
    public static TargetRole Subaccount { get; } = new("subaccount");

    /// <summary>The wire string (empty for the default value).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a wire string to a value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator TargetRole(string value) => new(value);

    /// <summary>Converts a wire string to a value.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The value.</returns>
    public static TargetRole FromString(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(TargetRole left, TargetRole right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(TargetRole left, TargetRole right) => !left.Equals(right);

    /// <summary>Compares with another value, ignoring case.</summary>
    /// <param name="other">The other value.</param>
    /// <returns><see langword="true"/> when both have the same wire string, ignoring case.</returns>
    public bool Equals(TargetRole other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TargetRole other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => Value;

    internal sealed class WireConverter : ExtensibleValueConverter<TargetRole>
    {
        protected override TargetRole Create(string value) => new(value);
    }
}
