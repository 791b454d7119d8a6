namespace OakNetwork.Payments;

/// <summary>
/// The query of <see cref="CustomerService.ListAsync"/>. Unset properties are not sent. The filters take
/// comma-separated lists, as on the wire (for example <c>"stripe,bridge"</c>).
/// </summary>
public sealed class CustomerListQuery
{
    /// <summary>The page size (server default 10, clamped to 100 unless <see cref="Strict"/>). Wire name <c>limit</c>.</summary>
    public int? Limit { get; set; }

    /// <summary>The number of customers to skip (server default 0). Wire name <c>offset</c>.</summary>
    public int? Offset { get; set; }

    /// <summary>Emails to match (comma-separated, ignoring case). Wire name <c>email</c>.</summary>
    public string? Email { get; set; }

    /// <summary>Country codes to match (comma-separated). Wire name <c>country_code</c>.</summary>
    public string? CountryCode { get; set; }

    /// <summary>Document types to match (comma-separated). Wire name <c>document_type</c>.</summary>
    public string? DocumentType { get; set; }

    /// <summary>Providers the customer is registered with (comma-separated). Wire name <c>provider</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>Registration statuses to match (comma-separated). Wire name <c>provider_registration_status</c>.</summary>
    public string? ProviderRegistrationStatus { get; set; }

    /// <summary>Registration target roles to match (comma-separated). Wire name <c>target_role</c>.</summary>
    public string? TargetRole { get; set; }

    /// <summary>When <see langword="true"/>, a limit above 100 is rejected instead of clamped. Wire name <c>strict</c>.</summary>
    public bool? Strict { get; set; }

    internal CustomerListQuery With(int limit, int offset) => new()
    {
        Limit = limit,
        Offset = offset,
        Email = Email,
        CountryCode = CountryCode,
        DocumentType = DocumentType,
        Provider = Provider,
        ProviderRegistrationStatus = ProviderRegistrationStatus,
        TargetRole = TargetRole,
        Strict = Strict,
    };
}
