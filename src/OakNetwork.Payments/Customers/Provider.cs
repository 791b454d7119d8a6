using System.Text.Json.Serialization;

namespace OakNetwork.Payments;

/// <summary>
/// A payment provider a customer can be registered with or synced to. Wire values are lowercase. An extensible value: any string is accepted (a value the server adds later parses instead of
/// failing), the known values are static properties, and comparison ignores case.
/// </summary>
[JsonConverter(typeof(WireConverter))]
public readonly struct Provider : IEquatable<Provider>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string.</summary>
    /// <param name="value">The wire string, for example one of the known values.</param>
    public Provider(string value) => _value = value;

    /// <summary>Stripe. Wire value <c>stripe</c>.</summary>
    public static Provider Stripe { get; } = new("stripe");

    /// <summary>Bridge. Wire value <c>bridge</c>.</summary>
    public static Provider Bridge { get; } = new("bridge");

    /// <summary>Pagar.me. Wire value <c>pagar_me</c>.</summary>
    public static Provider PagarMe { get; } = new("pagar_me");

    /// <summary>BRLA. Wire value <c>brla</c>.</summary>
    public static Provider Brla { get; } = new("brla");

    /// <summary>Avenia. Wire value <c>avenia</c>.</summary>
    public static Provider Avenia { get; } = new("avenia");

    /// <summary>Mercado Pago. Wire value <c>mercado_pago</c>.</summary>
    public static Provider MercadoPago { get; } = new("mercado_pago");

    /// <summary>FacilitaPay. Wire value <c>facilita_pay</c>.</summary>
    public static Provider FacilitaPay { get; } = new("facilita_pay");

    /// <summary>Banco Inter. Wire value <c>inter_bank</c>.</summary>
    public static Provider InterBank { get; } = new("inter_bank");

    /// <summary>Oak wallet service. Wire value <c>wallet_service</c>.</summary>
    public static Provider WalletService { get; } = new("wallet_service");

    /// <summary>CrowdSplit. Wire value <c>crowd_split</c>.</summary>
    public static Provider CrowdSplit { get; } = new("crowd_split");

    /// <summary>Konduto. Wire value <c>konduto</c>.</summary>
    public static Provider Konduto { get; } = new("konduto");

    /// <summary>Celcoin. Wire value <c>cel_coin</c>.</summary>
    public static Provider CelCoin { get; } = new("cel_coin");

    /// <summary>Celcoin BaaS. Wire value <c>cel_baas</c>.</summary>
    public static Provider CelBaas { get; } = new("cel_baas");

    /// <summary>The wire string (empty for the default value).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a wire string to a value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator Provider(string value) => new(value);

    /// <summary>Converts a wire string to a value.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The value.</returns>
    public static Provider FromString(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(Provider left, Provider right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(Provider left, Provider right) => !left.Equals(right);

    /// <summary>Compares with another value, ignoring case.</summary>
    /// <param name="other">The other value.</param>
    /// <returns><see langword="true"/> when both have the same wire string, ignoring case.</returns>
    public bool Equals(Provider other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Provider other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => Value;

    internal sealed class WireConverter : ExtensibleValueConverter<Provider>
    {
        protected override Provider Create(string value) => new(value);
    }
}
