using System.Text.Json;

namespace OakNetwork.Payments.Emulator.Json;

/// <summary>The customer object of contract §3; every field is always written (null when unset).</summary>
internal sealed class CustomerDto
{
    public required string Id { get; init; }

    public required string CustomerId { get; init; }

    public required string Email { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? SocialName { get; init; }

    public string? DocumentNumber { get; init; }

    public string? DocumentType { get; init; }

    public string? TaxId { get; init; }

    public string? Dob { get; init; }

    public string? Gender { get; init; }

    public string? PhoneCountryCode { get; init; }

    public string? PhoneAreaCode { get; init; }

    public string? PhoneNumber { get; init; }

    public string? CountryCode { get; init; }

    public string? Subdivision { get; init; }

    public string? State { get; init; }

    public string? City { get; init; }

    public string? Neighborhood { get; init; }

    public string? StreetName { get; init; }

    public string? StreetNumber { get; init; }

    public string? HouseNumber { get; init; }

    public string? PostalCode { get; init; }

    public string? MotherName { get; init; }

    public long? MonthlyNetIncome { get; init; }

    public string? CompanyName { get; init; }

    public string? CompanyStartDate { get; init; }

    public string? OwnerLegalName { get; init; }

    public string? OwnerDocumentNumber { get; init; }

    public string? OwnerDocumentType { get; init; }

    public string? CustomerWallet { get; init; }

    public string? TradingWallet { get; init; }

    public string? AccountType { get; init; }

    public JsonElement? AdditionalInfo { get; init; }

    public required string Status { get; init; }

    public required bool Synced { get; init; }

    public string? SyncedAt { get; init; }

    public required IReadOnlyList<RegistrationDto> Platforms { get; init; }

    public required long Version { get; init; }

    public required string CreatedAt { get; init; }

    public required string UpdatedAt { get; init; }
}
