using System.CommandLine;

namespace OakNetwork.Payments.Cli.Commands;

/// <summary>The list filters of the API (comma-separated values, OR within one filter, AND across filters).</summary>
internal sealed class ListFilterOptions
{
    public Option<string?> Email { get; } = new("--email") { Description = "Only these emails (comma-separated)." };

    public Option<string?> CountryCode { get; } = new("--country-code") { Description = "Only these countries (comma-separated)." };

    public Option<string?> DocumentType { get; } = new("--document-type") { Description = "Only these document types (comma-separated)." };

    public Option<string?> Provider { get; } = new("--provider") { Description = "Only customers registered with these providers." };

    public Option<string?> ProviderRegistrationStatus { get; } = new("--provider-registration-status") { Description = "Only registrations in these statuses (e.g. approved)." };

    public Option<string?> TargetRole { get; } = new("--target-role") { Description = "Only registrations with these roles." };

    public IEnumerable<Option> All => [Email, CountryCode, DocumentType, Provider, ProviderRegistrationStatus, TargetRole];

    public CustomerListQuery ToQuery(ParseResult parse) => new()
    {
        Email = parse.GetValue(Email),
        CountryCode = parse.GetValue(CountryCode),
        DocumentType = parse.GetValue(DocumentType),
        Provider = parse.GetValue(Provider),
        ProviderRegistrationStatus = parse.GetValue(ProviderRegistrationStatus),
        TargetRole = parse.GetValue(TargetRole),
    };
}
