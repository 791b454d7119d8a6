using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OakNetwork.Payments.Emulator.Api;
using OakNetwork.Payments.Emulator.Json;

namespace OakNetwork.Payments.Emulator.Customers;

/// <summary>
/// Validates a create or update body against the rules of contract §3 and returns the fields it sets, in a
/// normalized form (lowercase choices and country codes). Every bad field is reported, not only the first.
/// </summary>
internal static partial class CustomerInputParser
{
    public static IReadOnlyList<KeyValuePair<CustomerField, object?>> Parse(JsonElement body, bool isCreate, DateOnly today)
    {
        var errors = new List<FailureReason>();
        var values = new List<KeyValuePair<CustomerField, object?>>();
        foreach (var field in CustomerFields.All)
        {
            if (!body.TryGetProperty(field.Name, out var element))
            {
                if (isCreate && field.Kind == CustomerFieldKind.Email)
                {
                    errors.Add(FailureReason.For(field.Name, "required", "email is required"));
                }

                continue;
            }

            if (element.ValueKind == JsonValueKind.Null)
            {
                if (field.Kind == CustomerFieldKind.Email)
                {
                    errors.Add(isCreate
                        ? FailureReason.For(field.Name, "required", "email is required")
                        : FailureReason.For(field.Name, "cannot_clear", "email cannot be cleared"));
                    continue;
                }

                values.Add(new(field, null));
                continue;
            }

            if (TryParseValue(field, element, today, errors, out var value))
            {
                values.Add(new(field, value));
            }
        }

        if (errors.Count > 0)
        {
            throw ApiException.Validation(errors);
        }

        return values;
    }

    private static bool TryParseValue(CustomerField field, JsonElement element, DateOnly today, List<FailureReason> errors, out object? value)
    {
        value = null;
        var name = field.Name;
        switch (field.Kind)
        {
            case CustomerFieldKind.NonNegativeInteger:
                if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var number) || number < 0)
                {
                    errors.Add(FailureReason.For(name, "invalid_type", $"{name} must be a non-negative integer (at most {long.MaxValue})"));
                    return false;
                }

                value = number;
                return true;

            case CustomerFieldKind.Object:
                if (element.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(FailureReason.For(name, "invalid_type", $"{name} must be an object"));
                    return false;
                }

                value = element.GetRawText();
                return true;
        }

        var text = JsonBody.StringValue(element, name, errors);
        if (text is null)
        {
            return false;
        }

        switch (field.Kind)
        {
            case CustomerFieldKind.Email:
                if (!TextRules.IsEmail(text))
                {
                    errors.Add(FailureReason.For(name, "invalid_format", $"{name} must be a valid email address"));
                    return false;
                }

                break;

            case CustomerFieldKind.Choice:
                var lower = text.ToLowerInvariant();
                if (!field.Choices!.Contains(lower))
                {
                    errors.Add(FailureReason.For(name, "invalid_value", $"{name} must be {ContractVocabulary.OneOf(field.Choices!)}"));
                    return false;
                }

                text = lower;
                break;

            case CustomerFieldKind.Date:
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    errors.Add(FailureReason.For(name, "invalid_format", $"{name} must be a date in the format YYYY-MM-DD"));
                    return false;
                }

                if (date > today)
                {
                    errors.Add(FailureReason.For(name, "future_date", $"{name} must not be in the future"));
                    return false;
                }

                break;

            case CustomerFieldKind.PhoneCountryCode:
                if (!PhoneCountryCodePattern().IsMatch(text))
                {
                    errors.Add(FailureReason.For(name, "invalid_format", $"{name} must be 1 to 8 digits, with an optional leading +"));
                    return false;
                }

                break;

            case CustomerFieldKind.Digits:
                if (!DigitsPattern().IsMatch(text))
                {
                    errors.Add(FailureReason.For(name, "invalid_format", $"{name} must be 1 to 32 digits"));
                    return false;
                }

                break;

            case CustomerFieldKind.CountryCode:
                if (!CountryCodePattern().IsMatch(text))
                {
                    errors.Add(FailureReason.For(name, "invalid_format", $"{name} must be a two-letter ISO 3166-1 alpha-2 code"));
                    return false;
                }

                text = text.ToLowerInvariant();
                break;
        }

        value = text;
        return true;
    }

    [GeneratedRegex(@"^\+?[0-9]{1,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneCountryCodePattern();

    [GeneratedRegex(@"^[0-9]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(@"^[A-Za-z]{2}$", RegexOptions.CultureInvariant)]
    public static partial Regex CountryCodePattern();
}
