namespace OakNetwork.Payments;

/// <summary>
/// Gives the <see cref="OakClient"/> of each registration made with
/// <c>services.AddOakPayments(name, …)</c>. One client per name, created on first use and kept for the life of
/// the container (it holds the merchant's cached access token); it sends through <c>IHttpClientFactory</c>.
/// </summary>
public interface IOakClientFactory
{
    /// <summary>Gets the client registered under <paramref name="name"/>.</summary>
    /// <param name="name">
    /// The registration's name; <see cref="Microsoft.Extensions.Options.Options.DefaultName"/> (the empty string)
    /// for the one registered without a name.
    /// </param>
    /// <returns>The client (the same instance on every call with this name).</returns>
    /// <exception cref="InvalidOperationException">No client is registered under <paramref name="name"/>.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The registration's options are invalid.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Get(name) is the documented shape, as IOptionsMonitor.Get and IHttpClientFactory.CreateClient(name).")]
    OakClient Get(string name);
}
