using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OakNetwork.Payments;

/// <summary>
/// Reads <see cref="OakClientOptions"/> from a configuration section by hand: no reflection, so it is trimming
/// and Native AOT safe, and a value that cannot be read becomes a start-up validation message naming the key
/// instead of an exception from deep inside a binder.
/// </summary>
/// <remarks>
/// Keys (case-insensitive): <c>Environment</c> (<c>Sandbox</c>|<c>Production</c>), <c>BaseUrl</c>, <c>ClientId</c>,
/// <c>ClientSecret</c>, <c>Timeout</c>, <c>TokenRefreshSkew</c>, <c>Retry:MaxRetries</c>, <c>Retry:Delay</c>,
/// <c>Retry:MaxDelay</c>. Time spans are written <c>hh:mm:ss</c> (or <c>d.hh:mm:ss</c>), as with the standard binder.
/// An empty value counts as not set.
/// </remarks>
internal static class OakClientOptionsBinder
{
    public static void Bind(IConfiguration configuration, OakClientOptions options)
    {
        var path = configuration is IConfigurationSection section ? section.Path : string.Empty;
        options.ConfigurationPath = path;
        var errors = new List<string>();

        if (Value(configuration, nameof(OakClientOptions.Environment)) is { } environment)
        {
            if (Enum.TryParse<OakEnvironment>(environment, ignoreCase: true, out var parsed) && parsed is OakEnvironment.Sandbox or OakEnvironment.Production && !char.IsDigit(environment[0]))
            {
                options.Environment = parsed;
            }
            else
            {
                errors.Add($"{Key(path, nameof(OakClientOptions.Environment))} must be Sandbox or Production (it is '{environment}').");
            }
        }

        if (Value(configuration, nameof(OakClientOptions.BaseUrl)) is { } baseUrl)
        {
            if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
            {
                options.BaseUrl = uri;
            }
            else
            {
                errors.Add($"{Key(path, nameof(OakClientOptions.BaseUrl))} must be an absolute http or https URL (it is '{baseUrl}').");
            }
        }

        options.ClientId = Value(configuration, nameof(OakClientOptions.ClientId)) ?? options.ClientId;

        // The secret is only ever copied, never quoted.
        options.ClientSecret = Value(configuration, nameof(OakClientOptions.ClientSecret)) ?? options.ClientSecret;

        ReadTimeSpan(configuration, path, nameof(OakClientOptions.Timeout), errors, value => options.Timeout = value);
        ReadTimeSpan(configuration, path, nameof(OakClientOptions.TokenRefreshSkew), errors, value => options.TokenRefreshSkew = value);

        var retrySection = configuration.GetSection(nameof(OakClientOptions.Retry));
        var retryPath = Key(path, nameof(OakClientOptions.Retry));
        var retry = options.Retry ??= new RetryOptions();
        if (Value(retrySection, nameof(RetryOptions.MaxRetries)) is { } maxRetries)
        {
            if (int.TryParse(maxRetries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                retry.MaxRetries = parsed;
            }
            else
            {
                errors.Add($"{Key(retryPath, nameof(RetryOptions.MaxRetries))} must be a whole number (it is '{maxRetries}').");
            }
        }

        ReadTimeSpan(retrySection, retryPath, nameof(RetryOptions.Delay), errors, value => retry.Delay = value);
        ReadTimeSpan(retrySection, retryPath, nameof(RetryOptions.MaxDelay), errors, value => retry.MaxDelay = value);

        if (errors.Count > 0)
        {
            (options.BindingErrors ??= []).AddRange(errors);
        }
    }

    private static void ReadTimeSpan(IConfiguration configuration, string path, string key, List<string> errors, Action<TimeSpan> set)
    {
        if (Value(configuration, key) is not { } text)
        {
            return;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
        {
            set(value);
        }
        else
        {
            errors.Add($"{Key(path, key)} must be a time span such as 00:00:30 (it is '{text}').");
        }
    }

    private static string? Value(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }

    private static string Key(string path, string key) => OakClientOptionsValidator.Join(path, key);
}
