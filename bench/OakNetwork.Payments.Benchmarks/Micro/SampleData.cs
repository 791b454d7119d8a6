using System.Globalization;
using System.Text;

namespace OakNetwork.Payments.Benchmarks.Micro;

/// <summary>
/// Wire samples in the exact shape the emulator emits (contract §3: every field present, null when unset), so
/// the SDK and the baseline parse the same bytes.
/// </summary>
internal static class SampleData
{
    public const string CustomerId = "3f1c2a9e-5b7d-4c8e-9a0b-1d2e3f4a5b6c";

    public static readonly byte[] CustomerEnvelope = Encoding.UTF8.GetBytes(
        "{\"msg\":\"Customer fetched successfully\",\"data\":" + CustomerJson(0) + "}");

    public static readonly byte[] ListPageEnvelope = Encoding.UTF8.GetBytes(ListPage(100, total: 100_000));

    public static readonly byte[] TokenGrant = Encoding.UTF8.GetBytes(
        "{\"access_token\":\"not-a-jwt-token-for-benchmarks\",\"token_type\":\"Bearer\",\"expires_in\":3600}");

    public static string CustomerJson(int i)
    {
        var id = Guid.Parse(CustomerId);
        var bytes = id.ToByteArray();
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 4), i);
        var customerId = new Guid(bytes).ToString("D");
        var n = i.ToString("D6", CultureInfo.InvariantCulture);
        return "{" +
            $"\"id\":\"{customerId}\",\"customer_id\":\"{customerId}\",\"email\":\"customer-{n}@example.com\"," +
            "\"first_name\":\"Maria\",\"last_name\":\"Silva\",\"social_name\":null,\"document_number\":\"12345678909\"," +
            "\"document_type\":\"cpf\",\"tax_id\":null,\"dob\":\"1990-04-12\",\"gender\":\"female\",\"phone_country_code\":\"+55\"," +
            "\"phone_area_code\":\"11\",\"phone_number\":\"987654321\",\"country_code\":\"br\",\"subdivision\":\"SP\",\"state\":\"SP\"," +
            "\"city\":\"Sao Paulo\",\"neighborhood\":\"Pinheiros\",\"street_name\":\"Rua dos Pinheiros\",\"street_number\":\"1000\"," +
            "\"house_number\":null,\"postal_code\":\"05422-001\",\"mother_name\":\"Ana Silva\",\"monthly_net_income\":500000," +
            "\"company_name\":null,\"company_start_date\":null,\"owner_legal_name\":null,\"owner_document_number\":null," +
            "\"owner_document_type\":null,\"customer_wallet\":null,\"trading_wallet\":null,\"account_type\":null," +
            "\"additional_info\":{\"source\":\"benchmark\",\"tier\":2},\"status\":\"NOT_STARTED\",\"synced\":false,\"synced_at\":null," +
            "\"platforms\":[{\"provider\":\"stripe\",\"target_role\":\"customer\",\"status\":\"submitted\",\"readiness\":null," +
            "\"rejection_reason\":null,\"action_required\":null,\"created_at\":\"2026-11-26T10:00:00.123456Z\",\"updated_at\":\"2026-11-26T10:00:00.123456Z\"}]," +
            "\"version\":1,\"created_at\":\"2026-11-26T10:00:00.123456Z\",\"updated_at\":\"2026-11-26T10:00:00.123456Z\"}";
    }

    public static string ListPage(int size, int total)
    {
        var builder = new StringBuilder("{\"msg\":\"Customers fetched successfully\",\"data\":{\"count\":");
        builder.Append(total.ToString(CultureInfo.InvariantCulture)).Append(",\"customer_list\":[");
        for (var i = 0; i < size; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(CustomerJson(i));
        }

        return builder.Append("]}}").ToString();
    }

    public static CreateCustomerRequest CreateRequest(string email) => new()
    {
        Email = email,
        FirstName = "Maria",
        LastName = "Silva",
        DocumentNumber = "12345678909",
        DocumentType = DocumentType.Cpf,
        Dob = "1990-04-12",
        Gender = "female",
        PhoneCountryCode = "+55",
        PhoneAreaCode = "11",
        PhoneNumber = "987654321",
        CountryCode = "br",
        State = "SP",
        City = "Sao Paulo",
        Neighborhood = "Pinheiros",
        StreetName = "Rua dos Pinheiros",
        StreetNumber = "1000",
        PostalCode = "05422-001",
        MonthlyNetIncome = 500000,
    };

    public static RawCreateCustomer RawCreateRequest(string email) => new()
    {
        Email = email,
        FirstName = "Maria",
        LastName = "Silva",
        DocumentNumber = "12345678909",
        DocumentType = "cpf",
        Dob = "1990-04-12",
        Gender = "female",
        PhoneCountryCode = "+55",
        PhoneAreaCode = "11",
        PhoneNumber = "987654321",
        CountryCode = "br",
        State = "SP",
        City = "Sao Paulo",
        Neighborhood = "Pinheiros",
        StreetName = "Rua dos Pinheiros",
        StreetNumber = "1000",
        PostalCode = "05422-001",
        MonthlyNetIncome = 500000,
    };
}
