using Microsoft.Extensions.Logging;

namespace OakNetwork.Payments;

/// <summary>The settings of an <see cref="OakClient"/>. The client copies them when it is created.</summary>
public sealed class OakClientOptions
{
    /// <summary>The sandbox base URL.</summary>
    public static readonly Uri SandboxUrl = new("https://sandbox-payments.oaknetwork.org");

    /// <summary>The production base URL.</summary>
    public static readonly Uri ProductionUrl = new("https://payments.oaknetwork.org");

    /// <summary>The environment; ignored when <see cref="BaseUrl"/> is set.</summary>
    /// <value>The default value is <see cref="OakEnvironment.Sandbox"/>.</value>
    public OakEnvironment Environment { get; set; } = OakEnvironment.Sandbox;

    /// <summary>An absolute base URL (for example an emulator's) that overrides <see cref="Environment"/>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The merchant's client id (required).</summary>
    public string? ClientId { get; set; }

    /// <summary>The merchant's client secret (required). Never shown by <see cref="ToString"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>How failed tries are retried.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>The timeout of each try; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long before its expiry an access token is replaced.</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan TokenRefreshSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock used for token expiry, backoff waits and timeouts; <see langword="null"/> uses the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>A logger factory for the SDK's logs; <see langword="null"/> logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The base URL requests go to: <see cref="BaseUrl"/>, else the <see cref="Environment"/>'s URL.</summary>
    /// <returns>The effective base URL.</returns>
    public Uri GetEffectiveBaseUrl() => BaseUrl ?? (Environment == OakEnvironment.Production ? ProductionUrl : SandboxUrl);

    /// <summary>
    /// The configuration path the options were bound from (for example <c>OakPayments</c>), so start-up validation
    /// can name the setting as the user wrote it; <see langword="null"/> when they were set in code.
    /// </summary>
    internal string? ConfigurationPath { get; set; }

    /// <summary>Values found in configuration that could not be read, one message each (never a secret's value).</summary>
    internal List<string>? BindingErrors { get; set; }

    internal OakClientOptions Clone() => new()
    {
        Environment = Environment,
        BaseUrl = BaseUrl,
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        Retry = (Retry ?? new RetryOptions()).Clone(),
        Timeout = Timeout,
        TokenRefreshSkew = TokenRefreshSkew,
        TimeProvider = TimeProvider,
        LoggerFactory = LoggerFactory,
    };

    /// <summary>Describes the options without the secret.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
        => $"BaseUrl = {GetEffectiveBaseUrl()}, ClientId = {ClientId}, ClientSecret = {(string.IsNullOrEmpty(ClientSecret) ? "(not set)" : "***")}, Timeout = {Timeout}, Retry = {{ {Retry} }}";
}
