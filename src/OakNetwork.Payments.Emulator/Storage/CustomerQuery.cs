namespace OakNetwork.Payments.Emulator.Storage;

/// <summary>
/// A validated customer list query. Every list is lowercase and non-empty when present; the registration filters
/// must all be satisfied by one and the same registration.
/// </summary>
internal sealed record CustomerQuery(
    string MerchantId,
    int Limit,
    int Offset,
    IReadOnlyList<string>? Emails,
    IReadOnlyList<string>? CountryCodes,
    IReadOnlyList<string>? DocumentTypes,
    IReadOnlyList<string>? Providers,
    IReadOnlyList<string>? RegistrationStatuses,
    IReadOnlyList<string>? TargetRoles);
