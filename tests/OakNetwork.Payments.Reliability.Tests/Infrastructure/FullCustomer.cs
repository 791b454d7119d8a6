namespace OakNetwork.Payments.Reliability.Tests.Infrastructure;

/// <summary>A create request with many fields set, and the check that a stored customer carries every one of them.</summary>
public static class FullCustomer
{
    public static CreateCustomerRequest Request(string tag) => new()
    {
        Email = $"full.{tag}@example.com",
        FirstName = "Ana " + tag,
        LastName = "Souza",
        SocialName = "Aninha",
        DocumentNumber = "doc" + tag,
        DocumentType = DocumentType.Cpf,
        TaxId = "tax" + tag,
        Dob = "1990-01-02",
        Gender = "female",
        PhoneCountryCode = "+55",
        PhoneAreaCode = "11",
        PhoneNumber = "912345678",
        CountryCode = "br",
        State = "SP",
        City = "São Paulo",
        Neighborhood = "Bela Vista",
        StreetName = "Avenida Paulista",
        StreetNumber = "1578",
        PostalCode = "01310-200",
        MotherName = "Maria Souza",
        CompanyName = "Oak Test " + tag,
    };

    /// <summary>Every field the request set, as (name, sent, stored) where they differ; empty when intact.</summary>
    public static IEnumerable<string> Differences(CreateCustomerRequest sent, Customer stored)
    {
        var pairs = new (string Name, string? Sent, string? Stored)[]
        {
            ("email", sent.Email, stored.Email),
            ("first_name", sent.FirstName, stored.FirstName),
            ("last_name", sent.LastName, stored.LastName),
            ("social_name", sent.SocialName, stored.SocialName),
            ("document_number", sent.DocumentNumber, stored.DocumentNumber),
            ("document_type", sent.DocumentType?.Value, stored.DocumentType?.Value),
            ("tax_id", sent.TaxId, stored.TaxId),
            ("dob", sent.Dob, stored.Dob),
            ("gender", sent.Gender, stored.Gender),
            ("phone_country_code", sent.PhoneCountryCode, stored.PhoneCountryCode),
            ("phone_area_code", sent.PhoneAreaCode, stored.PhoneAreaCode),
            ("phone_number", sent.PhoneNumber, stored.PhoneNumber),
            ("country_code", sent.CountryCode, stored.CountryCode),
            ("state", sent.State, stored.State),
            ("city", sent.City, stored.City),
            ("neighborhood", sent.Neighborhood, stored.Neighborhood),
            ("street_name", sent.StreetName, stored.StreetName),
            ("street_number", sent.StreetNumber, stored.StreetNumber),
            ("postal_code", sent.PostalCode, stored.PostalCode),
            ("mother_name", sent.MotherName, stored.MotherName),
            ("company_name", sent.CompanyName, stored.CompanyName),
        };
        return pairs.Where(p => p.Sent != p.Stored).Select(p => $"{p.Name}: sent '{p.Sent}', stored '{p.Stored}'");
    }
}
