namespace OakNetwork.Payments;

/// <summary>
/// What makes <see cref="OakClientOptions"/> valid, in one place: the client checks it when it is created (and
/// fails each call with a <see cref="ConfigurationError"/>), and DI checks it at start-up.
/// </summary>
internal static class OakClientOptionsRules
{
    /// <summary>The problems, in order, each as a setting path (<c>Retry.MaxRetries</c>) and what is wrong with it.</summary>
    public static IEnumerable<(string Setting, string Problem)> Problems(OakClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            yield return (nameof(OakClientOptions.ClientId), "is required");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            yield return (nameof(OakClientOptions.ClientSecret), "is required");
        }

        var baseUrl = options.GetEffectiveBaseUrl();
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            yield return (nameof(OakClientOptions.BaseUrl), "must be an absolute http or https URL");
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            yield return (nameof(OakClientOptions.Timeout), "must be positive (or Timeout.InfiniteTimeSpan)");
        }

        if (options.TokenRefreshSkew < TimeSpan.Zero)
        {
            yield return (nameof(OakClientOptions.TokenRefreshSkew), "must not be negative");
        }

        var retry = options.Retry;
        if (retry is null)
        {
            yield return (nameof(OakClientOptions.Retry), "must not be null");
            yield break;
        }

        if (retry.MaxRetries < 0 || retry.MaxRetries > 100)
        {
            yield return ("Retry.MaxRetries", "must be between 0 and 100");
        }

        if (retry.Delay < TimeSpan.Zero || retry.Delay > TimeSpan.FromDays(1))
        {
            yield return ("Retry.Delay", "must be between 0 and 1 day");
        }

        if (retry.MaxDelay < TimeSpan.Zero || retry.MaxDelay > TimeSpan.FromDays(1))
        {
            yield return ("Retry.MaxDelay", "must be between 0 and 1 day");
        }
    }
}
