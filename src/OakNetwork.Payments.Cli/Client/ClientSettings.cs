namespace OakNetwork.Payments.Cli.Client;

/// <summary>Where and as whom <c>oak</c> talks to the API, from the options or the <c>OAK_*</c> variables.</summary>
internal sealed record ClientSettings(string ClientId, string ClientSecret, OakEnvironment Environment, Uri? BaseUrl)
{
    public Uri EffectiveBaseUrl => BaseUrl ?? (Environment == OakEnvironment.Production ? OakClientOptions.ProductionUrl : OakClientOptions.SandboxUrl);
}
