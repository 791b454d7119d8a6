namespace OakNetwork.Payments;

/// <summary>The <see cref="OakClientOptions"/> are incomplete or invalid; no request was sent.</summary>
public sealed class ConfigurationError : OakError
{
    /// <summary>Creates a configuration error.</summary>
    /// <param name="message">A description naming the setting.</param>
    /// <param name="setting">The name of the missing or bad setting.</param>
    public ConfigurationError(string message, string? setting = null)
        : base(message)
    {
        Setting = setting;
    }

    /// <summary>The name of the missing or bad setting, for example <c>ClientSecret</c>.</summary>
    public string? Setting { get; }
}
