using System.Text.Json;

namespace OakNetwork.Payments;

/// <summary>An Oak customer (contract §3).</summary>
public sealed class Customer
{
    /// <summary>The customer id (a lowercase UUID). Wire name <c>id</c>.</summary>
    public string? Id { get; set; }

    /// <summary>The customer id again (same value as <see cref="Id"/>). Wire name <c>customer_id</c>.</summary>
    public string? CustomerId { get; set; }

    /// <summary>The email address; unique per merchant, compared ignoring case. Wire name <c>email</c>.</summary>
    public string? Email { get; set; }

    /// <summary>The first name. Wire name <c>first_name</c>.</summary>
    public string? FirstName { get; set; }

    /// <summary>The last name. Wire name <c>last_name</c>.</summary>
    public string? LastName { get; set; }

    /// <summary>The social (preferred) name. Wire name <c>social_name</c>.</summary>
    public string? SocialName { get; set; }

    /// <summary>The identity document number. Wire name <c>document_number</c>.</summary>
    public string? DocumentNumber { get; set; }

    /// <summary>The identity document type. Wire name <c>document_type</c>.</summary>
    public DocumentType? DocumentType { get; set; }

    /// <summary>The tax id. Wire name <c>tax_id</c>.</summary>
    public string? TaxId { get; set; }

    /// <summary>The date of birth, <c>YYYY-MM-DD</c>. Wire name <c>dob</c>.</summary>
    public string? Dob { get; set; }

    /// <summary>The gender: <c>male</c>, <c>female</c> or <c>other</c>. Wire name <c>gender</c>.</summary>
    public string? Gender { get; set; }

    /// <summary>The phone country code (digits, optional leading <c>+</c>). Wire name <c>phone_country_code</c>.</summary>
    public string? PhoneCountryCode { get; set; }

    /// <summary>The phone area code. Wire name <c>phone_area_code</c>.</summary>
    public string? PhoneAreaCode { get; set; }

    /// <summary>The phone number. Wire name <c>phone_number</c>.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>The ISO 3166-1 alpha-2 country code. Wire name <c>country_code</c>.</summary>
    public string? CountryCode { get; set; }

    /// <summary>The country subdivision. Wire name <c>subdivision</c>.</summary>
    public string? Subdivision { get; set; }

    /// <summary>The state. Wire name <c>state</c>.</summary>
    public string? State { get; set; }

    /// <summary>The city. Wire name <c>city</c>.</summary>
    public string? City { get; set; }

    /// <summary>The neighborhood. Wire name <c>neighborhood</c>.</summary>
    public string? Neighborhood { get; set; }

    /// <summary>The street name. Wire name <c>street_name</c>.</summary>
    public string? StreetName { get; set; }

    /// <summary>The street number. Wire name <c>street_number</c>.</summary>
    public string? StreetNumber { get; set; }

    /// <summary>The house or apartment number. Wire name <c>house_number</c>.</summary>
    public string? HouseNumber { get; set; }

    /// <summary>The postal code. Wire name <c>postal_code</c>.</summary>
    public string? PostalCode { get; set; }

    /// <summary>The mother's name. Wire name <c>mother_name</c>.</summary>
    public string? MotherName { get; set; }

    /// <summary>The monthly net income. Wire name <c>monthly_net_income</c>.</summary>
    public long? MonthlyNetIncome { get; set; }

    /// <summary>The company name (business customers). Wire name <c>company_name</c>.</summary>
    public string? CompanyName { get; set; }

    /// <summary>The company start date, <c>YYYY-MM-DD</c>. Wire name <c>company_start_date</c>.</summary>
    public string? CompanyStartDate { get; set; }

    /// <summary>The legal name of the company's owner. Wire name <c>owner_legal_name</c>.</summary>
    public string? OwnerLegalName { get; set; }

    /// <summary>The owner's identity document number. Wire name <c>owner_document_number</c>.</summary>
    public string? OwnerDocumentNumber { get; set; }

    /// <summary>The owner's identity document type. Wire name <c>owner_document_type</c>.</summary>
    public DocumentType? OwnerDocumentType { get; set; }

    /// <summary>The customer wallet (set by providers). Wire name <c>customer_wallet</c>.</summary>
    public string? CustomerWallet { get; set; }

    /// <summary>The trading wallet (set by providers). Wire name <c>trading_wallet</c>.</summary>
    public string? TradingWallet { get; set; }

    /// <summary>The account type (set by providers). Wire name <c>account_type</c>.</summary>
    public string? AccountType { get; set; }

    /// <summary>Free-form additional information (a JSON object). Wire name <c>additional_info</c>.</summary>
    public JsonElement? AdditionalInfo { get; set; }

    /// <summary>The lifecycle (KYC) status. Wire name <c>status</c>.</summary>
    public CustomerStatus Status { get; set; }

    /// <summary><see langword="true"/> once the last scheduled provider sync finished and nothing changed since. Wire name <c>synced</c>.</summary>
    public bool Synced { get; set; }

    /// <summary>When the last sync finished. Wire name <c>synced_at</c>.</summary>
    public DateTimeOffset? SyncedAt { get; set; }

    /// <summary>The customer's provider registrations. Wire name <c>platforms</c>.</summary>
    public IReadOnlyList<PlatformRegistration> Platforms { get; set; } = [];

    /// <summary>The version, starting at 1 and incremented on every change. Wire name <c>version</c>.</summary>
    public long Version { get; set; }

    /// <summary>When the customer was created. Wire name <c>created_at</c>.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the customer last changed. Wire name <c>updated_at</c>.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Describes the customer by id and status only (no personal data).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Customer {Id} ({Status})";
}
