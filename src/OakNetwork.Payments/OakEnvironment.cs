namespace OakNetwork.Payments;

/// <summary>The Oak Network environment a client talks to. <see cref="OakClientOptions.BaseUrl"/> overrides it.</summary>
public enum OakEnvironment
{
    /// <summary>The sandbox, <c>https://sandbox-payments.oaknetwork.org</c> (the default).</summary>
    Sandbox = 0,

    /// <summary>Production, <c>https://payments.oaknetwork.org</c>.</summary>
    Production = 1,
}
