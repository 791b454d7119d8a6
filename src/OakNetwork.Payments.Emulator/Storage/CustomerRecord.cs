namespace OakNetwork.Payments.Emulator.Storage;

/// <summary>A stored customer: the writable fields of contract §3 plus the server-managed ones.</summary>
internal sealed class CustomerRecord
{
    public Guid Id { get; set; }

    public string MerchantId { get; set; } = "";

    public string Email { get; set; } = "";

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? SocialName { get; set; }

    public string? DocumentNumber { get; set; }

    public string? DocumentType { get; set; }

    public string? TaxId { get; set; }

    public string? Dob { get; set; }

    public string? Gender { get; set; }

    public string? PhoneCountryCode { get; set; }

    public string? PhoneAreaCode { get; set; }

    public string? PhoneNumber { get; set; }

    public string? CountryCode { get; set; }

    public string? Subdivision { get; set; }

    public string? State { get; set; }

    public string? City { get; set; }

    public string? Neighborhood { get; set; }

    public string? StreetName { get; set; }

    public string? StreetNumber { get; set; }

    public string? HouseNumber { get; set; }

    public string? PostalCode { get; set; }

    public string? MotherName { get; set; }

    public long? MonthlyNetIncome { get; set; }

    public string? CompanyName { get; set; }

    public string? CompanyStartDate { get; set; }

    public string? OwnerLegalName { get; set; }

    public string? OwnerDocumentNumber { get; set; }

    public string? OwnerDocumentType { get; set; }

    public string? CustomerWallet { get; set; }

    public string? TradingWallet { get; set; }

    public string? AccountType { get; set; }

    /// <summary>The free-form object, as compact JSON text.</summary>
    public string? AdditionalInfo { get; set; }

    /// <summary>The lifecycle status, UPPERCASE (see <see cref="OakNetwork.Payments.Emulator.Platforms.LifecycleStatus"/>).</summary>
    public string Status { get; set; } = OakNetwork.Payments.Emulator.Platforms.LifecycleStatus.NotStarted;

    public bool Synced { get; set; }

    public DateTimeOffset? SyncedAt { get; set; }

    public long Version { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The customer's registrations, loaded with it.</summary>
    public List<RegistrationRecord> Platforms { get; set; } = [];

    public CustomerRecord Copy()
    {
        var copy = (CustomerRecord)MemberwiseClone();
        copy.Platforms = [.. Platforms];
        return copy;
    }
}
