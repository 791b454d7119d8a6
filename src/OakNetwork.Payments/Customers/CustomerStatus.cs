using System.Text.Json.Serialization;

namespace OakNetwork.Payments;

/// <summary>
/// The lifecycle (KYC) status of a customer. Wire values are UPPERCASE. An extensible value: any string is accepted (a value the server adds later parses instead of
/// failing), the known values are static properties, and comparison ignores case.
/// </summary>
[JsonConverter(typeof(WireConverter))]
public readonly struct CustomerStatus : IEquatable<CustomerStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string.</summary>
    /// <param name="value">The wire string, for example one of the known values.</param>
    public CustomerStatus(string value) => _value = value;

    /// <summary>Created; no platform data yet. Wire value <c>NOT_STARTED</c>.</summary>
    public static CustomerStatus NotStarted { get; } = new("NOT_STARTED");

    /// <summary>First platform data received. Wire value <c>INITIATED</c>.</summary>
    public static CustomerStatus Initiated { get; } = new("INITIATED");

    /// <summary>A registration lacks required fields. Wire value <c>INCOMPLETE</c>.</summary>
    public static CustomerStatus Incomplete { get; } = new("INCOMPLETE");

    /// <summary>A registration needs documents. Wire value <c>DOCUMENT_REQUIRED</c>.</summary>
    public static CustomerStatus DocumentRequired { get; } = new("DOCUMENT_REQUIRED");

    /// <summary>Documents uploaded, not yet reviewed. Wire value <c>DOCUMENT_PENDING</c>.</summary>
    public static CustomerStatus DocumentPending { get; } = new("DOCUMENT_PENDING");

    /// <summary>Documents approved. Wire value <c>DOCUMENT_APPROVED</c>.</summary>
    public static CustomerStatus DocumentApproved { get; } = new("DOCUMENT_APPROVED");

    /// <summary>Under review. Wire value <c>IN_REVIEW</c>.</summary>
    public static CustomerStatus InReview { get; } = new("IN_REVIEW");

    /// <summary>Being processed by a provider. Wire value <c>PROCESSING</c>.</summary>
    public static CustomerStatus Processing { get; } = new("PROCESSING");

    /// <summary>Pending a provider decision. Wire value <c>PENDING</c>.</summary>
    public static CustomerStatus Pending { get; } = new("PENDING");

    /// <summary>Awaiting confirmation. Wire value <c>AWAITING_CONFIRMATION</c>.</summary>
    public static CustomerStatus AwaitingConfirmation { get; } = new("AWAITING_CONFIRMATION");

    /// <summary>Approved. Wire value <c>APPROVED</c>.</summary>
    public static CustomerStatus Approved { get; } = new("APPROVED");

    /// <summary>Rejected. Wire value <c>REJECTED</c>.</summary>
    public static CustomerStatus Rejected { get; } = new("REJECTED");

    /// <summary>The wire string (empty for the default value).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a wire string to a value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator CustomerStatus(string value) => new(value);

    /// <summary>Converts a wire string to a value.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The value.</returns>
    public static CustomerStatus FromString(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(CustomerStatus left, CustomerStatus right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(CustomerStatus left, CustomerStatus right) => !left.Equals(right);

    /// <summary>Compares with another value, ignoring case.</summary>
    /// <param name="other">The other value.</param>
    /// <returns><see langword="true"/> when both have the same wire string, ignoring case.</returns>
    public bool Equals(CustomerStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CustomerStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => Value;

    internal sealed class WireConverter : ExtensibleValueConverter<CustomerStatus>
    {
        protected override CustomerStatus Create(string value) => new(value);
    }
}
