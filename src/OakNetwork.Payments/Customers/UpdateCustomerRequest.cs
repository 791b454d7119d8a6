using System.Text.Json;
using System.Text.Json.Serialization;

namespace OakNetwork.Payments;

/// <summary>
/// The body of <see cref="CustomerService.UpdateAsync"/>, a partial update: only the properties that were set
/// are sent. A property set to <see langword="null"/> is sent as <c>null</c> and clears the field; a property
/// never set is not sent and leaves the field unchanged.
/// </summary>
[JsonConverter(typeof(UpdateCustomerRequestConverter))]
public sealed class UpdateCustomerRequest
{
    // Wire name -> value (null = explicit null). A key that is absent is a field that is not sent.
    private readonly Dictionary<string, object?> _fields = new(StringComparer.Ordinal);

    /// <summary>The email address; unique per merchant, compared ignoring case. It cannot be cleared; leaving it unset leaves it unchanged. Wire name <c>email</c>.</summary>
    public string? Email
    {
        get => Get<string?>("email");
        set => Set("email", value);
    }

    /// <summary>The first name. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>first_name</c>.</summary>
    public string? FirstName
    {
        get => Get<string?>("first_name");
        set => Set("first_name", value);
    }

    /// <summary>The last name. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>last_name</c>.</summary>
    public string? LastName
    {
        get => Get<string?>("last_name");
        set => Set("last_name", value);
    }

    /// <summary>The social (preferred) name. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>social_name</c>.</summary>
    public string? SocialName
    {
        get => Get<string?>("social_name");
        set => Set("social_name", value);
    }

    /// <summary>The identity document number. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>document_number</c>.</summary>
    public string? DocumentNumber
    {
        get => Get<string?>("document_number");
        set => Set("document_number", value);
    }

    /// <summary>The identity document type. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>document_type</c>.</summary>
    public DocumentType? DocumentType
    {
        get => Get<DocumentType?>("document_type");
        set => Set("document_type", value);
    }

    /// <summary>The tax id. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>tax_id</c>.</summary>
    public string? TaxId
    {
        get => Get<string?>("tax_id");
        set => Set("tax_id", value);
    }

    /// <summary>The date of birth, <c>YYYY-MM-DD</c>. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>dob</c>.</summary>
    public string? Dob
    {
        get => Get<string?>("dob");
        set => Set("dob", value);
    }

    /// <summary>The gender: <c>male</c>, <c>female</c> or <c>other</c>. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>gender</c>.</summary>
    public string? Gender
    {
        get => Get<string?>("gender");
        set => Set("gender", value);
    }

    /// <summary>The phone country code (digits, optional leading <c>+</c>). Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>phone_country_code</c>.</summary>
    public string? PhoneCountryCode
    {
        get => Get<string?>("phone_country_code");
        set => Set("phone_country_code", value);
    }

    /// <summary>The phone area code. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>phone_area_code</c>.</summary>
    public string? PhoneAreaCode
    {
        get => Get<string?>("phone_area_code");
        set => Set("phone_area_code", value);
    }

    /// <summary>The phone number. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>phone_number</c>.</summary>
    public string? PhoneNumber
    {
        get => Get<string?>("phone_number");
        set => Set("phone_number", value);
    }

    /// <summary>The ISO 3166-1 alpha-2 country code. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>country_code</c>.</summary>
    public string? CountryCode
    {
        get => Get<string?>("country_code");
        set => Set("country_code", value);
    }

    /// <summary>The country subdivision. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>subdivision</c>.</summary>
    public string? Subdivision
    {
        get => Get<string?>("subdivision");
        set => Set("subdivision", value);
    }

    /// <summary>The state. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>state</c>.</summary>
    public string? State
    {
        get => Get<string?>("state");
        set => Set("state", value);
    }

    /// <summary>The city. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>city</c>.</summary>
    public string? City
    {
        get => Get<string?>("city");
        set => Set("city", value);
    }

    /// <summary>The neighborhood. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>neighborhood</c>.</summary>
    public string? Neighborhood
    {
        get => Get<string?>("neighborhood");
        set => Set("neighborhood", value);
    }

    /// <summary>The street name. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>street_name</c>.</summary>
    public string? StreetName
    {
        get => Get<string?>("street_name");
        set => Set("street_name", value);
    }

    /// <summary>The street number. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>street_number</c>.</summary>
    public string? StreetNumber
    {
        get => Get<string?>("street_number");
        set => Set("street_number", value);
    }

    /// <summary>The house or apartment number. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>house_number</c>.</summary>
    public string? HouseNumber
    {
        get => Get<string?>("house_number");
        set => Set("house_number", value);
    }

    /// <summary>The postal code. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>postal_code</c>.</summary>
    public string? PostalCode
    {
        get => Get<string?>("postal_code");
        set => Set("postal_code", value);
    }

    /// <summary>The mother's name. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>mother_name</c>.</summary>
    public string? MotherName
    {
        get => Get<string?>("mother_name");
        set => Set("mother_name", value);
    }

    /// <summary>The monthly net income. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>monthly_net_income</c>.</summary>
    public long? MonthlyNetIncome
    {
        get => Get<long?>("monthly_net_income");
        set => Set("monthly_net_income", value);
    }

    /// <summary>The company name (business customers). Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>company_name</c>.</summary>
    public string? CompanyName
    {
        get => Get<string?>("company_name");
        set => Set("company_name", value);
    }

    /// <summary>The company start date, <c>YYYY-MM-DD</c>. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>company_start_date</c>.</summary>
    public string? CompanyStartDate
    {
        get => Get<string?>("company_start_date");
        set => Set("company_start_date", value);
    }

    /// <summary>The legal name of the company's owner. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>owner_legal_name</c>.</summary>
    public string? OwnerLegalName
    {
        get => Get<string?>("owner_legal_name");
        set => Set("owner_legal_name", value);
    }

    /// <summary>The owner's identity document number. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>owner_document_number</c>.</summary>
    public string? OwnerDocumentNumber
    {
        get => Get<string?>("owner_document_number");
        set => Set("owner_document_number", value);
    }

    /// <summary>The owner's identity document type. Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>owner_document_type</c>.</summary>
    public DocumentType? OwnerDocumentType
    {
        get => Get<DocumentType?>("owner_document_type");
        set => Set("owner_document_type", value);
    }

    /// <summary>The customer wallet (set by providers). Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>customer_wallet</c>.</summary>
    public string? CustomerWallet
    {
        get => Get<string?>("customer_wallet");
        set => Set("customer_wallet", value);
    }

    /// <summary>The trading wallet (set by providers). Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>trading_wallet</c>.</summary>
    public string? TradingWallet
    {
        get => Get<string?>("trading_wallet");
        set => Set("trading_wallet", value);
    }

    /// <summary>The account type (set by providers). Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>account_type</c>.</summary>
    public string? AccountType
    {
        get => Get<string?>("account_type");
        set => Set("account_type", value);
    }

    /// <summary>Free-form additional information (a JSON object). Setting it to <see langword="null"/> clears it on the server; leaving it unset leaves it unchanged. Wire name <c>additional_info</c>.</summary>
    public JsonElement? AdditionalInfo
    {
        get => Get<JsonElement?>("additional_info");
        set => Set("additional_info", value);
    }

    /// <summary>The wire names of the fields that will be sent, in wire order.</summary>
    public IReadOnlyList<string> SetFields => WireOrder.Where(_fields.ContainsKey).ToArray();

    /// <summary>Stops sending a field, so the server leaves it unchanged.</summary>
    /// <param name="wireName">The wire name, for example <c>first_name</c>.</param>
    /// <returns><see langword="true"/> when the field was set.</returns>
    public bool Unset(string wireName) => _fields.Remove(wireName);

    internal static readonly string[] WireOrder = ["email", "first_name", "last_name", "social_name", "document_number", "document_type", "tax_id", "dob", "gender", "phone_country_code", "phone_area_code", "phone_number", "country_code", "subdivision", "state", "city", "neighborhood", "street_name", "street_number", "house_number", "postal_code", "mother_name", "monthly_net_income", "company_name", "company_start_date", "owner_legal_name", "owner_document_number", "owner_document_type", "customer_wallet", "trading_wallet", "account_type", "additional_info"];

    internal bool IsSet(string wireName) => _fields.ContainsKey(wireName);

    internal object? GetRaw(string wireName) => _fields.TryGetValue(wireName, out var value) ? value : null;

    private T Get<T>(string wireName) => _fields.TryGetValue(wireName, out var value) && value is T typed ? typed : default!;

    private void Set(string wireName, object? value) => _fields[wireName] = value;
}
