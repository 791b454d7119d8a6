namespace OakNetwork.Payments.Emulator.Jobs;

/// <summary>The kinds of background job.</summary>
internal static class JobKinds
{
    /// <summary>Finishes a provider sync (§4.5).</summary>
    public const string Sync = "sync";

    /// <summary>Advances a customer's simulated KYC review by one step (§3).</summary>
    public const string Review = "review";
}
