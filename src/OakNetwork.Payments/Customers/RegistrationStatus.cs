using System.Text.Json.Serialization;

namespace OakNetwork.Payments;

/// <summary>
/// The status of a customer's registration with a provider. Wire values are lowercase. An extensible value: any string is accepted (a value the server adds later parses instead of
/// failing), the known values are static properties, and comparison ignores case.
/// </summary>
[JsonConverter(typeof(WireConverter))]
public readonly struct RegistrationStatus : IEquatable<RegistrationStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string.</summary>
    /// <param name="value">The wire string, for example one of the known values.</param>
    public RegistrationStatus(string value) => _value = value;

    /// <summary>Not submitted yet. Wire value <c>not_submitted</c>.</summary>
    public static RegistrationStatus NotSubmitted { get; } = new("not_submitted");

    /// <summary>Submitted to the provider. Wire value <c>submitted</c>.</summary>
    public static RegistrationStatus Submitted { get; } = new("submitted");

    /// <summary>Awaiting confirmation. Wire value <c>awaiting_confirmation</c>.</summary>
    public static RegistrationStatus AwaitingConfirmation { get; } = new("awaiting_confirmation");

    /// <summary>Being processed. Wire value <c>processing</c>.</summary>
    public static RegistrationStatus Processing { get; } = new("processing");

    /// <summary>Approved. Wire value <c>approved</c>.</summary>
    public static RegistrationStatus Approved { get; } = new("approved");

    /// <summary>Rejected. Wire value <c>rejected</c>.</summary>
    public static RegistrationStatus Rejected { get; } = new("rejected");

    /// <summary>Restricted. Wire value <c>restricted</c>.</summary>
    public static RegistrationStatus Restricted { get; } = new("restricted");

    /// <summary>Cancelled. Wire value <c>cancelled</c>.</summary>
    public static RegistrationStatus Cancelled { get; } = new("cancelled");

    /// <summary>The provider reported an error. Wire value <c>error</c>.</summary>
    public static RegistrationStatus Error { get; } = new("error");

    /// <summary>The wire string (empty for the default value).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a wire string to a value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator RegistrationStatus(string value) => new(value);

    /// <summary>Converts a wire string to a value.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The value.</returns>
    public static RegistrationStatus FromString(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(RegistrationStatus left, RegistrationStatus right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(RegistrationStatus left, RegistrationStatus right) => !left.Equals(right);

    /// <summary>Compares with another value, ignoring case.</summary>
    /// <param name="other">The other value.</param>
    /// <returns><see langword="true"/> when both have the same wire string, ignoring case.</returns>
    public bool Equals(RegistrationStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RegistrationStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => Value;

    internal sealed class WireConverter : ExtensibleValueConverter<RegistrationStatus>
    {
        protected override RegistrationStatus Create(string value) => new(value);
    }
}
