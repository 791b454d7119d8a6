using System.Net;
using System.CommandLine;
using OakNetwork.Payments.Cli.Commands;

namespace OakNetwork.Payments.Cli.Client;

/// <summary>Builds the <see cref="OakClient"/> a command uses, with the <see cref="CaptureHandler"/> in its HTTP stack.</summary>
internal static class ApiSessionFactory
{
    public const string ClientIdVariable = "OAK_CLIENT_ID";
    public const string ClientSecretVariable = "OAK_CLIENT_SECRET";
    public const string EnvironmentVariable = "OAK_ENVIRONMENT";
    public const string BaseUrlVariable = "OAK_BASE_URL";

    /// <summary>Reads the settings; a missing or malformed one is a <see cref="CliException"/> naming the option and the variable.</summary>
    public static ClientSettings ReadSettings(ParseResult parse, CliContext context)
    {
        var clientId = NonEmpty(parse.GetValue(GlobalOptions.ClientId)) ?? NonEmpty(context.Environment(ClientIdVariable));
        var clientSecret = NonEmpty(parse.GetValue(GlobalOptions.ClientSecret)) ?? NonEmpty(context.Environment(ClientSecretVariable));
        var missing = new List<string>();
        if (clientId is null)
        {
            missing.Add($"the client id (--client-id or {ClientIdVariable})");
        }

        if (clientSecret is null)
        {
            missing.Add($"the client secret (--client-secret or {ClientSecretVariable})");
        }

        if (missing.Count > 0)
        {
            throw new CliException(
                $"Missing credentials: {string.Join(" and ", missing)}.{System.Environment.NewLine}"
                + $"Pass --client-id and --client-secret, or set {ClientIdVariable} and {ClientSecretVariable}. "
                + $"For a local emulator (oak emulator) the development merchant is oak-dev-client / oak-dev-secret, with --base-url http://127.0.0.1:5080.",
                ExitCodes.Usage);
        }

        var environmentText = NonEmpty(parse.GetValue(GlobalOptions.Environment)) ?? NonEmpty(context.Environment(EnvironmentVariable)) ?? "sandbox";
        var environment = environmentText.ToLowerInvariant() switch
        {
            "sandbox" => OakEnvironment.Sandbox,
            "production" => OakEnvironment.Production,
            _ => throw new CliException($"Unknown environment '{environmentText}' (--environment or {EnvironmentVariable}): use sandbox or production.", ExitCodes.Usage),
        };

        var baseUrlText = NonEmpty(parse.GetValue(GlobalOptions.BaseUrl)) ?? NonEmpty(context.Environment(BaseUrlVariable));
        Uri? baseUrl = null;
        if (baseUrlText is not null
            && (!Uri.TryCreate(baseUrlText, UriKind.Absolute, out baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps)))
        {
            throw new CliException($"The base URL '{baseUrlText}' (--base-url or {BaseUrlVariable}) is not an absolute http(s) URL.", ExitCodes.Usage);
        }

        return new ClientSettings(clientId!, clientSecret!, environment, baseUrl);
    }

    /// <summary>Reads the settings and opens a session over them.</summary>
    public static ApiSession Open(ParseResult parse, CliContext context) => Open(ReadSettings(parse, context));

    public static ApiSession Open(ClientSettings settings)
    {
        var client = Create(settings, out var httpClient);
        return new ApiSession(settings, client, httpClient);
    }

    private static OakClient Create(ClientSettings settings, out HttpClient httpClient)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = 64,
        };
        httpClient = new HttpClient(new CaptureHandler(handler), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new OakClient(
            new OakClientOptions
            {
                ClientId = settings.ClientId,
                ClientSecret = settings.ClientSecret,
                Environment = settings.Environment,
                BaseUrl = settings.BaseUrl,
            },
            httpClient);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
