using System.CommandLine;
using OakNetwork.Payments.Cli.Output;

namespace OakNetwork.Payments.Cli.Commands;

/// <summary>Options every command accepts (recursive on the root): credentials, target, output and verbosity.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> ClientId = new("--client-id")
    {
        Description = "The merchant's client id (default: the OAK_CLIENT_ID variable).",
        Recursive = true,
    };

    public static readonly Option<string?> ClientSecret = new("--client-secret")
    {
        Description = "The merchant's client secret (default: the OAK_CLIENT_SECRET variable).",
        Recursive = true,
    };

    public static readonly Option<string?> Environment = new("--environment")
    {
        Description = "sandbox or production (default: OAK_ENVIRONMENT, else sandbox); --base-url wins over it.",
        Recursive = true,
    };

    public static readonly Option<string?> BaseUrl = new("--base-url")
    {
        Description = "An absolute API base URL, e.g. an emulator's http://127.0.0.1:5080 (default: OAK_BASE_URL).",
        Recursive = true,
    };

    public static readonly Option<string> Output = CreateOutput();

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Print details (stack traces) with errors.",
        Recursive = true,
    };

    public static void AddTo(Command root)
    {
        root.Options.Add(ClientId);
        root.Options.Add(ClientSecret);
        root.Options.Add(Environment);
        root.Options.Add(BaseUrl);
        root.Options.Add(Output);
        root.Options.Add(Verbose);
    }

    public static OutputFormat GetFormat(ParseResult parse)
        => string.Equals(parse.GetValue(Output), "json", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Json : OutputFormat.Table;

    private static Option<string> CreateOutput()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "table (default) or json (the API's raw data, for scripts and jq).",
            Recursive = true,
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "json");
        return option;
    }
}
