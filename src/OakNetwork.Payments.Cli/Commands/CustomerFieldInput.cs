using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OakNetwork.Payments.Cli.Output;

namespace OakNetwork.Payments.Cli.Commands;

/// <summary>
/// The writable customer fields by contract name (<c>email</c> … <c>additional_info</c>), and how text from an
/// option or a CSV cell becomes a request: a JSON object read into the SDK's request type, so an explicit null
/// (a cleared field) survives into <see cref="UpdateCustomerRequest"/>.
/// </summary>
internal static class CustomerFieldInput
{
    public static readonly IReadOnlyList<string> Writable = CustomerColumns.All
        .Select(c => c.Name)
        .SkipWhile(n => n != "email")
        .TakeWhile(n => n != "status")
        .ToArray();

    public static bool IsWritable(string name) => Writable.Contains(name, StringComparer.Ordinal);

    public static string OptionName(string field) => "--" + field.Replace('_', '-');

    /// <summary>Adds one field; returns a problem (naming the field) when the text is not valid for it.</summary>
    public static string? TryAdd(JsonObject body, string field, string? text)
    {
        if (text is null)
        {
            body[field] = null;
            return null;
        }

        switch (field)
        {
            case "monthly_net_income":
                if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var income))
                {
                    return $"monthly_net_income must be a whole number (minor units), not '{text}'";
                }

                body[field] = income;
                return null;
            case "additional_info":
                try
                {
                    var node = JsonNode.Parse(text);
                    if (node is not JsonObject)
                    {
                        return "additional_info must be a JSON object, e.g. {\"source\":\"crm\"}";
                    }

                    body[field] = node;
                    return null;
                }
                catch (JsonException)
                {
                    return "additional_info must be a JSON object, e.g. {\"source\":\"crm\"}";
                }

            default:
                body[field] = text;
                return null;
        }
    }

    public static CreateCustomerRequest ToCreateRequest(JsonObject body)
        => body.Deserialize<CreateCustomerRequest>(JsonOutput.ModelOptions) ?? new CreateCustomerRequest();

    public static UpdateCustomerRequest ToUpdateRequest(JsonObject body)
        => body.Deserialize<UpdateCustomerRequest>(JsonOutput.ModelOptions) ?? new UpdateCustomerRequest();
}
