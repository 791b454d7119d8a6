namespace OakNetwork.Payments.Emulator.Storage;

/// <summary>A customer's registration with a provider in a role (contract §4.9).</summary>
internal sealed class RegistrationRecord
{
    public Guid CustomerId { get; set; }

    public string Provider { get; set; } = "";

    public string TargetRole { get; set; } = "";

    public string Status { get; set; } = "";

    /// <summary>Readiness details as compact JSON text, or null.</summary>
    public string? Readiness { get; set; }

    public string? RejectionReason { get; set; }

    public string? ActionRequired { get; set; }

    /// <summary>The provider-specific keys sent with populate, as a compact JSON object.</summary>
    public string Data { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
