using System.Text.Json;

namespace OakNetwork.Payments.Emulator.Json;

/// <summary>A registration item (contract §4.9).</summary>
internal sealed record RegistrationDto(
    string Provider,
    string TargetRole,
    string Status,
    JsonElement? Readiness,
    string? RejectionReason,
    string? ActionRequired,
    string CreatedAt,
    string UpdatedAt);
