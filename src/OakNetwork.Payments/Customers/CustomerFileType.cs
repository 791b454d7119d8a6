using System.Text.Json.Serialization;

namespace OakNetwork.Payments;

/// <summary>
/// The kind of document a customer file is. Wire values are UPPERCASE. An extensible value: any string is accepted (a value the server adds later parses instead of
/// failing), the known values are static properties, and comparison ignores case.
/// </summary>
[JsonConverter(typeof(WireConverter))]
public readonly struct CustomerFileType : IEquatable<CustomerFileType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string.</summary>
    /// <param name="value">The wire string, for example one of the known values.</param>
    public CustomerFileType(string value) => _value = value;

    /// <summary>Back of a Social Security card. Wire value <c>SSN_BACK</c>.</summary>
    public static CustomerFileType SsnBack { get; } = new("SSN_BACK");

    /// <summary>Front of a Social Security card. Wire value <c>SSN_FRONT</c>.</summary>
    public static CustomerFileType SsnFront { get; } = new("SSN_FRONT");

    /// <summary>A CPF document. Wire value <c>CPF_DOCUMENT</c>.</summary>
    public static CustomerFileType CpfDocument { get; } = new("CPF_DOCUMENT");

    /// <summary>A passport. Wire value <c>PASSPORT</c>.</summary>
    public static CustomerFileType Passport { get; } = new("PASSPORT");

    /// <summary>A proof of address. Wire value <c>ADDRESS_PROOF</c>.</summary>
    public static CustomerFileType AddressProof { get; } = new("ADDRESS_PROOF");

    /// <summary>The wire string (empty for the default value).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a wire string to a value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator CustomerFileType(string value) => new(value);

    /// <summary>Converts a wire string to a value.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The value.</returns>
    public static CustomerFileType FromString(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(CustomerFileType left, CustomerFileType right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(CustomerFileType left, CustomerFileType right) => !left.Equals(right);

    /// <summary>Compares with another value, ignoring case.</summary>
    /// <param name="other">The other value.</param>
    /// <returns><see langword="true"/> when both have the same wire string, ignoring case.</returns>
    public bool Equals(CustomerFileType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CustomerFileType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => Value;

    internal sealed class WireConverter : ExtensibleValueConverter<CustomerFileType>
    {
        protected override CustomerFileType Create(string value) => new(value);
    }
}
