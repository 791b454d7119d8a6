using System.Text.Json;
using OakNetwork.Payments.Emulator.Json;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Customers;

/// <summary>Maps stored customers and registrations to their wire shapes.</summary>
internal static class CustomerMapper
{
    public static CustomerDto ToDto(CustomerRecord c)
    {
        var id = c.Id.ToString("D");
        return new CustomerDto
        {
            Id = id,
            CustomerId = id,
            Email = c.Email,
            FirstName = c.FirstName,
            LastName = c.LastName,
            SocialName = c.SocialName,
            DocumentNumber = c.DocumentNumber,
            DocumentType = c.DocumentType,
            TaxId = c.TaxId,
            Dob = c.Dob,
            Gender = c.Gender,
            PhoneCountryCode = c.PhoneCountryCode,
            PhoneAreaCode = c.PhoneAreaCode,
            PhoneNumber = c.PhoneNumber,
            CountryCode = c.CountryCode,
            Subdivision = c.Subdivision,
            State = c.State,
            City = c.City,
            Neighborhood = c.Neighborhood,
            StreetName = c.StreetName,
            StreetNumber = c.StreetNumber,
            HouseNumber = c.HouseNumber,
            PostalCode = c.PostalCode,
            MotherName = c.MotherName,
            MonthlyNetIncome = c.MonthlyNetIncome,
            CompanyName = c.CompanyName,
            CompanyStartDate = c.CompanyStartDate,
            OwnerLegalName = c.OwnerLegalName,
            OwnerDocumentNumber = c.OwnerDocumentNumber,
            OwnerDocumentType = c.OwnerDocumentType,
            CustomerWallet = c.CustomerWallet,
            TradingWallet = c.TradingWallet,
            AccountType = c.AccountType,
            AdditionalInfo = ParseJson(c.AdditionalInfo),
            Status = c.Status,
            Synced = c.Synced,
            SyncedAt = Timestamps.Format(c.SyncedAt),
            Platforms = c.Platforms.Select(ToDto).ToList(),
            Version = c.Version,
            CreatedAt = Timestamps.Format(c.CreatedAt),
            UpdatedAt = Timestamps.Format(c.UpdatedAt),
        };
    }

    public static RegistrationDto ToDto(RegistrationRecord r) => new(
        r.Provider,
        r.TargetRole,
        r.Status,
        ParseJson(r.Readiness),
        r.RejectionReason,
        r.ActionRequired,
        Timestamps.Format(r.CreatedAt),
        Timestamps.Format(r.UpdatedAt));

    private static JsonElement? ParseJson(string? text)
    {
        if (text is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
