using System.Text.Json;

namespace OakNetwork.Payments;

/// <summary>A customer's registration with a provider (contract §4.9).</summary>
public sealed class PlatformRegistration
{
    /// <summary>The provider. Wire name <c>provider</c>.</summary>
    public Provider Provider { get; set; }

    /// <summary>The role of the registration. Wire name <c>target_role</c>.</summary>
    public TargetRole TargetRole { get; set; }

    /// <summary>The registration status. Wire name <c>status</c>.</summary>
    public RegistrationStatus Status { get; set; }

    /// <summary>The provider's readiness details, as given. Wire name <c>readiness</c>.</summary>
    public JsonElement? Readiness { get; set; }

    /// <summary>Why the provider rejected the registration, if it did. Wire name <c>rejection_reason</c>.</summary>
    public string? RejectionReason { get; set; }

    /// <summary>What the customer must do next, as given. Wire name <c>action_required</c>.</summary>
    public JsonElement? ActionRequired { get; set; }

    /// <summary>When the registration was created. Wire name <c>created_at</c>.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the registration last changed. Wire name <c>updated_at</c>.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}
