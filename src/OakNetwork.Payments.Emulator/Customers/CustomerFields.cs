using OakNetwork.Payments.Emulator.Api;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Customers;

/// <summary>The writable fields of contract §3, in contract order (wire names are also column names).</summary>
internal static class CustomerFields
{
    public static readonly IReadOnlyList<CustomerField> All =
    [
        new("email", CustomerFieldKind.Email, c => c.Email, (c, v) => c.Email = (string)v!),
        Text("first_name", c => c.FirstName, (c, v) => c.FirstName = v),
        Text("last_name", c => c.LastName, (c, v) => c.LastName = v),
        Text("social_name", c => c.SocialName, (c, v) => c.SocialName = v),
        Text("document_number", c => c.DocumentNumber, (c, v) => c.DocumentNumber = v),
        Choice("document_type", ContractVocabulary.DocumentTypes, c => c.DocumentType, (c, v) => c.DocumentType = v),
        Text("tax_id", c => c.TaxId, (c, v) => c.TaxId = v),
        Of("dob", CustomerFieldKind.Date, c => c.Dob, (c, v) => c.Dob = v),
        Choice("gender", ContractVocabulary.Genders, c => c.Gender, (c, v) => c.Gender = v),
        Of("phone_country_code", CustomerFieldKind.PhoneCountryCode, c => c.PhoneCountryCode, (c, v) => c.PhoneCountryCode = v),
        Of("phone_area_code", CustomerFieldKind.Digits, c => c.PhoneAreaCode, (c, v) => c.PhoneAreaCode = v),
        Of("phone_number", CustomerFieldKind.Digits, c => c.PhoneNumber, (c, v) => c.PhoneNumber = v),
        Of("country_code", CustomerFieldKind.CountryCode, c => c.CountryCode, (c, v) => c.CountryCode = v),
        Text("subdivision", c => c.Subdivision, (c, v) => c.Subdivision = v),
        Text("state", c => c.State, (c, v) => c.State = v),
        Text("city", c => c.City, (c, v) => c.City = v),
        Text("neighborhood", c => c.Neighborhood, (c, v) => c.Neighborhood = v),
        Text("street_name", c => c.StreetName, (c, v) => c.StreetName = v),
        Text("street_number", c => c.StreetNumber, (c, v) => c.StreetNumber = v),
        Text("house_number", c => c.HouseNumber, (c, v) => c.HouseNumber = v),
        Text("postal_code", c => c.PostalCode, (c, v) => c.PostalCode = v),
        Text("mother_name", c => c.MotherName, (c, v) => c.MotherName = v),
        new("monthly_net_income", CustomerFieldKind.NonNegativeInteger, c => c.MonthlyNetIncome, (c, v) => c.MonthlyNetIncome = (long?)v),
        Text("company_name", c => c.CompanyName, (c, v) => c.CompanyName = v),
        Of("company_start_date", CustomerFieldKind.Date, c => c.CompanyStartDate, (c, v) => c.CompanyStartDate = v),
        Text("owner_legal_name", c => c.OwnerLegalName, (c, v) => c.OwnerLegalName = v),
        Text("owner_document_number", c => c.OwnerDocumentNumber, (c, v) => c.OwnerDocumentNumber = v),
        Choice("owner_document_type", ContractVocabulary.DocumentTypes, c => c.OwnerDocumentType, (c, v) => c.OwnerDocumentType = v),
        Text("customer_wallet", c => c.CustomerWallet, (c, v) => c.CustomerWallet = v),
        Text("trading_wallet", c => c.TradingWallet, (c, v) => c.TradingWallet = v),
        Text("account_type", c => c.AccountType, (c, v) => c.AccountType = v),
        new("additional_info", CustomerFieldKind.Object, c => c.AdditionalInfo, (c, v) => c.AdditionalInfo = (string?)v),
    ];

    private static CustomerField Text(string name, Func<CustomerRecord, string?> get, Action<CustomerRecord, string?> set) =>
        Of(name, CustomerFieldKind.Text, get, set);

    private static CustomerField Choice(string name, IReadOnlyList<string> choices, Func<CustomerRecord, string?> get, Action<CustomerRecord, string?> set) =>
        new(name, CustomerFieldKind.Choice, get, (c, v) => set(c, (string?)v), choices);

    private static CustomerField Of(string name, CustomerFieldKind kind, Func<CustomerRecord, string?> get, Action<CustomerRecord, string?> set) =>
        new(name, kind, get, (c, v) => set(c, (string?)v));
}
