namespace OakNetwork.Payments;

/// <summary>The names registered with <c>AddOakPayments</c> (configured as options, so registrations add up).</summary>
internal sealed class OakClientRegistry
{
    /// <summary>The prefix of the named <see cref="HttpClient"/> of each registration.</summary>
    public const string HttpClientNamePrefix = "OakNetwork.Payments";

    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>IHttpClientFactory</c> name of a registration: <c>OakNetwork.Payments</c>, or <c>OakNetwork.Payments:name</c>.</summary>
    public static string HttpClientName(string name)
        => name.Length == 0 ? HttpClientNamePrefix : HttpClientNamePrefix + ":" + name;

    public override string ToString() => string.Join(", ", Names);
}
