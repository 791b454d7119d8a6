using System.Text.Json.Serialization;

namespace OakNetwork.Payments;

/// <summary>
/// The kind of identity document of a customer (or of a business owner). Wire values are lowercase. An extensible value: any string is accepted (a value the server adds later parses instead of
/// failing), the known values are static properties, and comparison ignores case.
/// </summary>
[JsonConverter(typeof(WireConverter))]
public readonly struct DocumentType : IEquatable<DocumentType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string.</summary>
    /// <param name="value">The wire string, for example one of the known values.</param>
    public DocumentType(string value) => _value = value;

    /// <summary>Brazilian individual taxpayer number (CPF). Wire value <c>cpf</c>.</summary>
    public static DocumentType Cpf { get; } = new("cpf");

    /// <summary>Brazilian company taxpayer number (CNPJ). Wire value <c>cnpj</c>.</summary>
    public static DocumentType Cnpj { get; } = new("cnpj");

    /// <summary>Passport. Wire value <c>passport</c>.</summary>
    public static DocumentType Passport { get; } = new("passport");

    /// <summary>US Social Security number. Wire value <c>ssn</c>.</summary>
    public static DocumentType Ssn { get; } = new("ssn");

    /// <summary>US Individual Taxpayer Identification Number. Wire value <c>itin</c>.</summary>
    public static DocumentType Itin { get; } = new("itin");

    /// <summary>Colombian citizenship card (cédula de ciudadanía). Wire value <c>cc</c>.</summary>
    public static DocumentType Cc { get; } = new("cc");

    /// <summary>Mexican population registry code (CURP). Wire value <c>curp</c>.</summary>
    public static DocumentType Curp { get; } = new("curp");

    /// <summary>Another personal tax id. Wire value <c>personal_tax_id</c>.</summary>
    public static DocumentType PersonalTaxId { get; } = new("personal_tax_id");

    /// <summary>Another company tax id. Wire value <c>company_tax_id</c>.</summary>
    public static DocumentType CompanyTaxId { get; } = new("company_tax_id");

    /// <summary>The wire string (empty for the default value).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a wire string to a value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator DocumentType(string value) => new(value);

    /// <summary>Converts a wire string to a value.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The value.</returns>
    public static DocumentType FromString(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(DocumentType left, DocumentType right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(DocumentType left, DocumentType right) => !left.Equals(right);

    /// <summary>Compares with another value, ignoring case.</summary>
    /// <param name="other">The other value.</param>
    /// <returns><see langword="true"/> when both have the same wire string, ignoring case.</returns>
    public bool Equals(DocumentType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DocumentType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => Value;

    internal sealed class WireConverter : ExtensibleValueConverter<DocumentType>
    {
        protected override DocumentType Create(string value) => new(value);
    }
}
