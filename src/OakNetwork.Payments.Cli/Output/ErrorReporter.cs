using System.Globalization;
using System.Text;

namespace OakNetwork.Payments.Cli.Output;

/// <summary>Turns an SDK error into text a person can act on: no stack trace unless <c>--verbose</c>.</summary>
internal static class ErrorReporter
{
    public static string Describe(OakError error, Uri baseUrl, bool verbose)
    {
        var text = new StringBuilder();
        switch (error)
        {
            case ApiError api:
                text.Append(CultureInfo.InvariantCulture, $"Error: the API answered {api.Status}");
                if (api.ErrorCode is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $" ({api.ErrorCode})");
                }

                text.Append(CultureInfo.InvariantCulture, $": {api.Message}");
                foreach (var reason in api.FailureReasons)
                {
                    text.AppendLine();
                    text.Append("  - ");
                    if (reason.Fields.Count > 0)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"{string.Join(", ", reason.Fields)}: ");
                    }

                    text.Append(reason.Message ?? reason.Code ?? "invalid");
                    if (reason.Code is not null && reason.Message is not null)
                    {
                        text.Append(CultureInfo.InvariantCulture, $" [{reason.Code}]");
                    }
                }

                if (api.Status == 404 && api.Message.Contains("Merchant", StringComparison.OrdinalIgnoreCase))
                {
                    text.AppendLine();
                    text.Append("  Check the client id and secret (--client-id/--client-secret or OAK_CLIENT_ID/OAK_CLIENT_SECRET).");
                }

                if (api.RequestId is not null)
                {
                    text.AppendLine();
                    text.Append(CultureInfo.InvariantCulture, $"  Request id: {api.RequestId}");
                }

                break;
            case NetworkError:
                text.Append(CultureInfo.InvariantCulture, $"Error: could not reach the Oak API at {baseUrl} ({error.Message})");
                text.AppendLine();
                text.Append("  Check the URL (--base-url or OAK_BASE_URL) and that the server is running (for a local one: oak emulator).");
                break;
            case TimeoutError:
                text.Append(CultureInfo.InvariantCulture, $"Error: the Oak API at {baseUrl} did not answer in time ({error.Message})");
                break;
            case ValidationError validation:
                text.Append(CultureInfo.InvariantCulture, $"Error: invalid input: {validation.Message}");
                break;
            case ConfigurationError configuration:
                text.Append(CultureInfo.InvariantCulture, $"Error: invalid configuration: {configuration.Message}");
                break;
            default:
                text.Append(CultureInfo.InvariantCulture, $"Error: {error.Message}");
                break;
        }

        if (verbose && error.Exception is not null)
        {
            text.AppendLine();
            text.Append(error.Exception);
        }

        return text.ToString();
    }

    /// <summary>One line for a rejects file or a demo row: message and each failure reason with its fields.</summary>
    public static string OneLine(OakError error)
    {
        if (error is not ApiError api)
        {
            return error.Message;
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{api.Status} {api.Message}");
        foreach (var reason in api.FailureReasons)
        {
            text.Append("; ");
            if (reason.Fields.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{string.Join(", ", reason.Fields)}: ");
            }

            text.Append(reason.Message ?? reason.Code);
        }

        return text.ToString();
    }
}
