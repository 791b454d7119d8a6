using System.Globalization;
using Microsoft.Extensions.Primitives;
using OakNetwork.Payments.Emulator.Api;
using OakNetwork.Payments.Emulator.Json;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Customers;

/// <summary>
/// Validates list query strings (contract §4.3). Every filter value is checked against its rule (an email, a
/// country code, a known document type, provider, status or role): a value that cannot match — SQL fragments and
/// control characters included — is a 400 naming the parameter, not a silent empty page.
/// </summary>
internal static class CustomerListQueryParser
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;
    private const int MaxItems = 100;

    public static ListQuery Parse(string merchantId, IQueryCollection query)
    {
        var errors = new List<FailureReason>();
        var strict = ParseStrict(query, errors);

        var limitRaw = Single(query, "limit", errors);
        var limit = DefaultLimit;
        if (limitRaw is not null)
        {
            limit = ParseLimit(limitRaw, strict, errors);
        }

        var offsetRaw = Single(query, "offset", errors);
        var offset = 0;
        if (offsetRaw is not null && !int.TryParse(offsetRaw, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            errors.Add(FailureReason.For("offset", "invalid_value", $"offset must be an integer from 0 to {int.MaxValue}"));
        }

        var emails = List(query, "email", errors, v => TextRules.IsEmail(v), "a comma-separated list of email addresses");
        var countries = List(query, "country_code", errors, v => CustomerInputParser.CountryCodePattern().IsMatch(v), "a comma-separated list of two-letter ISO 3166-1 alpha-2 codes");
        var documentTypes = List(query, "document_type", errors, ContractVocabulary.DocumentTypes.Contains, "a comma-separated list, each " + ContractVocabulary.OneOf(ContractVocabulary.DocumentTypes));
        var providers = List(query, "provider", errors, ContractVocabulary.PlatformProviders.Contains, "a comma-separated list, each " + ContractVocabulary.OneOf(ContractVocabulary.PlatformProviders));
        var statuses = List(query, "provider_registration_status", errors, ContractVocabulary.RegistrationStatuses.Contains, "a comma-separated list, each " + ContractVocabulary.OneOf(ContractVocabulary.RegistrationStatuses));
        var roles = List(query, "target_role", errors, ContractVocabulary.TargetRoles.Contains, "a comma-separated list, each " + ContractVocabulary.OneOf(ContractVocabulary.TargetRoles));

        if (errors.Count > 0)
        {
            throw ApiException.Validation(errors);
        }

        return new ListQuery(
            new CustomerQuery(merchantId, limit, offset, emails, countries, documentTypes, providers, statuses, roles),
            limitRaw ?? DefaultLimit.ToString(CultureInfo.InvariantCulture),
            offsetRaw ?? "0");
    }

    private static bool ParseStrict(IQueryCollection query, List<FailureReason> errors)
    {
        var raw = Single(query, "strict", errors);
        if (raw is null || raw.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (raw.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        errors.Add(FailureReason.For("strict", "invalid_value", "strict must be true or false"));
        return false;
    }

    private static int ParseLimit(string raw, bool strict, List<FailureReason> errors)
    {
        if (raw.Length == 0 || raw.Length > 30 || !raw.All(char.IsAsciiDigit))
        {
            errors.Add(FailureReason.For("limit", "invalid_value", "limit must be an integer of at least 1"));
            return DefaultLimit;
        }

        // Digits only: anything too long for an int is simply "above 100".
        var value = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
        if (value < 1)
        {
            errors.Add(FailureReason.For("limit", "invalid_value", "limit must be an integer of at least 1"));
            return DefaultLimit;
        }

        if (value > MaxLimit)
        {
            if (strict)
            {
                errors.Add(FailureReason.For("limit", "out_of_range", $"limit must be at most {MaxLimit} when strict=true"));
            }

            return MaxLimit;
        }

        return value;
    }

    /// <summary>A parameter that must appear at most once; null when absent.</summary>
    private static string? Single(IQueryCollection query, string name, List<FailureReason> errors)
    {
        if (!query.TryGetValue(name, out var values) || StringValues.IsNullOrEmpty(values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            errors.Add(FailureReason.For(name, "duplicate", $"{name} must be given at most once"));
            return null;
        }

        var value = values.ToString().Trim();
        if (TextRules.HasControlCharacters(value))
        {
            errors.Add(FailureReason.For(name, "invalid_characters", $"{name} must not contain control characters"));
            return null;
        }

        return value.Length == 0 ? null : value;
    }

    /// <summary>A comma-separated, case-insensitive list (repeated parameters are joined); null when absent.</summary>
    private static List<string>? List(IQueryCollection query, string name, List<FailureReason> errors, Func<string, bool> isValid, string rule)
    {
        if (!query.TryGetValue(name, out var values) || values.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        var items = new List<string>();
        foreach (var value in values)
        {
            foreach (var item in (value ?? "").Split(','))
            {
                var trimmed = item.Trim();
                if (TextRules.HasControlCharacters(trimmed))
                {
                    errors.Add(FailureReason.For(name, "invalid_characters", $"{name} must not contain control characters"));
                    return null;
                }

                var lower = trimmed.ToLowerInvariant();
                if (trimmed.Length == 0 || trimmed.Length > TextRules.MaxLength || !isValid(name == "email" ? trimmed : lower))
                {
                    errors.Add(FailureReason.For(name, "invalid_value", $"{name} must be {rule}"));
                    return null;
                }

                if (!items.Contains(lower))
                {
                    items.Add(lower);
                }
            }
        }

        if (items.Count > MaxItems)
        {
            errors.Add(FailureReason.For(name, "too_many", $"{name} must list at most {MaxItems} values"));
            return null;
        }

        return items;
    }
}
