using System.Text.Json;
using System.Text.Json.Serialization;

namespace OakNetwork.Payments.Benchmarks.Micro;

// The baseline: what a developer would hand-write without the SDK. Plain DTOs with the same field types the SDK
// exposes (strings for the extensible values, DateTimeOffset for times) and a source-generated context, so the
// comparison is "SDK" against "plain System.Text.Json", both reflection-free.

/// <summary>The success envelope, hand-written.</summary>
internal sealed class RawEnvelope<T>
{
    public string? Msg { get; set; }

    public T? Data { get; set; }
}

/// <summary>A list page, hand-written.</summary>
internal sealed class RawListPage
{
    public int Count { get; set; }

    public List<RawCustomer> CustomerList { get; set; } = [];
}

/// <summary>A registration, hand-written.</summary>
internal sealed class RawRegistration
{
    public string? Provider { get; set; }

    public string? TargetRole { get; set; }

    public string? Status { get; set; }

    public JsonElement? Readiness { get; set; }

    public string? RejectionReason { get; set; }

    public JsonElement? ActionRequired { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>The token grant answer, hand-written.</summary>
internal sealed class RawToken
{
    public string? AccessToken { get; set; }

    public string? TokenType { get; set; }

    public double? ExpiresIn { get; set; }
}

/// <summary>The token grant request, hand-written.</summary>
internal sealed class RawTokenRequest
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string GrantType { get; set; } = "client_credentials";
}

/// <summary>A customer, hand-written.</summary>
internal sealed class RawCustomer
{
    public string? Id { get; set; }

    public string? CustomerId { get; set; }

    public string? Email { get; set; }

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

    public JsonElement? AdditionalInfo { get; set; }

    public string? Status { get; set; }

    public bool Synced { get; set; }

    public DateTimeOffset? SyncedAt { get; set; }

    public List<RawRegistration> Platforms { get; set; } = [];

    public long Version { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>A create request, hand-written (writable fields only).</summary>
internal sealed class RawCreateCustomer
{
    public string? Email { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? DocumentNumber { get; set; }

    public string? DocumentType { get; set; }

    public string? Dob { get; set; }

    public string? Gender { get; set; }

    public string? PhoneCountryCode { get; set; }

    public string? PhoneAreaCode { get; set; }

    public string? PhoneNumber { get; set; }

    public string? CountryCode { get; set; }

    public string? State { get; set; }

    public string? City { get; set; }

    public string? Neighborhood { get; set; }

    public string? StreetName { get; set; }

    public string? StreetNumber { get; set; }

    public string? PostalCode { get; set; }

    public long? MonthlyNetIncome { get; set; }
}

/// <summary>The baseline's source-generated metadata: snake_case, nulls skipped on write.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RawEnvelope<RawCustomer>), TypeInfoPropertyName = "CustomerEnvelope")]
[JsonSerializable(typeof(RawEnvelope<RawListPage>), TypeInfoPropertyName = "ListEnvelope")]
[JsonSerializable(typeof(RawCreateCustomer))]
[JsonSerializable(typeof(RawToken))]
[JsonSerializable(typeof(RawTokenRequest))]
internal sealed partial class RawJsonContext : JsonSerializerContext
{
}
