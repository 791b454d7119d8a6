using System.Globalization;
using System.Text.Json;

namespace OakNetwork.Payments.Cli.Output;

/// <summary>The customer's fields by their contract names, in contract order: table rows, CSV export columns.</summary>
internal static class CustomerColumns
{
    public static readonly IReadOnlyList<(string Name, Func<Customer, string?> Get)> All =
    [
        ("id", c => c.Id),
        ("email", c => c.Email),
        ("first_name", c => c.FirstName),
        ("last_name", c => c.LastName),
        ("social_name", c => c.SocialName),
        ("document_number", c => c.DocumentNumber),
        ("document_type", c => c.DocumentType?.Value),
        ("tax_id", c => c.TaxId),
        ("dob", c => c.Dob),
        ("gender", c => c.Gender),
        ("phone_country_code", c => c.PhoneCountryCode),
        ("phone_area_code", c => c.PhoneAreaCode),
        ("phone_number", c => c.PhoneNumber),
        ("country_code", c => c.CountryCode),
        ("subdivision", c => c.Subdivision),
        ("state", c => c.State),
        ("city", c => c.City),
        ("neighborhood", c => c.Neighborhood),
        ("street_name", c => c.StreetName),
        ("street_number", c => c.StreetNumber),
        ("house_number", c => c.HouseNumber),
        ("postal_code", c => c.PostalCode),
        ("mother_name", c => c.MotherName),
        ("monthly_net_income", c => c.MonthlyNetIncome?.ToString(CultureInfo.InvariantCulture)),
        ("company_name", c => c.CompanyName),
        ("company_start_date", c => c.CompanyStartDate),
        ("owner_legal_name", c => c.OwnerLegalName),
        ("owner_document_number", c => c.OwnerDocumentNumber),
        ("owner_document_type", c => c.OwnerDocumentType?.Value),
        ("customer_wallet", c => c.CustomerWallet),
        ("trading_wallet", c => c.TradingWallet),
        ("account_type", c => c.AccountType),
        ("additional_info", c => c.AdditionalInfo is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } info ? info.GetRawText() : null),
        ("status", c => c.Status.Value),
        ("synced", c => c.Synced ? "true" : "false"),
        ("synced_at", c => Timestamp(c.SyncedAt)),
        ("platforms", c => c.Platforms.Count == 0 ? null : string.Join(" ", c.Platforms.Select(p => $"{p.Provider}/{p.TargetRole}:{p.Status}"))),
        ("version", c => c.Version.ToString(CultureInfo.InvariantCulture)),
        ("created_at", c => Timestamp(c.CreatedAt)),
        ("updated_at", c => Timestamp(c.UpdatedAt)),
    ];

    public static string? Timestamp(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
