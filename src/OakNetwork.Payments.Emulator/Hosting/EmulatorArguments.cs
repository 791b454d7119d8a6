using System.Globalization;

namespace OakNetwork.Payments.Emulator.Hosting;

/// <summary>Parses the emulator's command line (and its environment variables) into options.</summary>
internal static class EmulatorArguments
{
    public const string Usage = """
        Usage: dotnet run --project src/OakNetwork.Payments.Emulator -- [options]   (or: oak emulator [options])

          --urls <urls>            Listening URLs (default http://127.0.0.1:5080; loopback unless told otherwise)
          --port <port>            Loopback port (0 picks a free one); ignored with --urls
          --data <path>            SQLite data file (default .oak/emulator.db under the working directory)
          --in-memory              Keep data only while running (a temporary file deleted on stop)
          --postgres <connection>  Keep data in PostgreSQL instead of SQLite, shared by every instance pointed at
                                   it (env OAK_EMULATOR_POSTGRES), e.g. "Host=db;Username=oak;Password=...;Database=oak"
          --client-id <id>         Development merchant client id (env OAK_EMULATOR_CLIENT_ID; default oak-dev-client)
          --client-secret <secret> Development merchant secret (env OAK_EMULATOR_CLIENT_SECRET; default oak-dev-secret)
          --sync-delay <ms>        How long a provider sync takes, in milliseconds (default 300)
          --review-delay <ms>      How long each simulated KYC review step takes, in milliseconds (default 300)
          -h, --help               Show this help
        """;

    /// <summary>The options, or an error message; <c>Help</c> when help was asked for.</summary>
    public static (EmulatorOptions? Options, string? Error, bool Help) Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var options = new EmulatorOptions
        {
            ClientId = NonEmpty(environment("OAK_EMULATOR_CLIENT_ID")) ?? EmulatorOptions.DefaultClientId,
            ClientSecret = NonEmpty(environment("OAK_EMULATOR_CLIENT_SECRET")) ?? EmulatorOptions.DefaultClientSecret,
            PostgresConnectionString = NonEmpty(environment("OAK_EMULATOR_POSTGRES")),
        };

        var postgresGiven = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string? Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                return i + 1 < args.Count ? args[++i] : null;
            }

            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    return (null, null, true);
                case "--in-memory":
                    options.InMemory = true;
                    break;
                case "--postgres":
                    options.PostgresConnectionString = NonEmpty(Value());
                    postgresGiven = true;
                    if (options.PostgresConnectionString is null)
                    {
                        return (null, "--postgres needs a connection string", false);
                    }

                    break;
                case "--urls":
                    options.Urls = NonEmpty(Value()) ?? "";
                    if (options.Urls.Length == 0)
                    {
                        return (null, "--urls needs a value", false);
                    }

                    break;
                case "--port":
                    if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
                    {
                        return (null, "--port needs a number from 0 to 65535", false);
                    }

                    options.Port = port;
                    break;
                case "--data":
                    options.DataPath = NonEmpty(Value());
                    if (options.DataPath is null)
                    {
                        return (null, "--data needs a path", false);
                    }

                    break;
                case "--client-id":
                    options.ClientId = NonEmpty(Value()) ?? "";
                    if (options.ClientId.Length == 0)
                    {
                        return (null, "--client-id needs a value", false);
                    }

                    break;
                case "--client-secret":
                    options.ClientSecret = NonEmpty(Value()) ?? "";
                    if (options.ClientSecret.Length == 0)
                    {
                        return (null, "--client-secret needs a value", false);
                    }

                    break;
                case "--sync-delay" or "--review-delay":
                    if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var delay))
                    {
                        return (null, $"{arg} needs a number of milliseconds", false);
                    }

                    if (arg == "--sync-delay")
                    {
                        options.SyncDelay = TimeSpan.FromMilliseconds(delay);
                    }
                    else
                    {
                        options.ReviewDelay = TimeSpan.FromMilliseconds(delay);
                    }

                    break;
                default:
                    return (null, $"Unknown option {arg}", false);
            }
        }

        if (options.DataPath is not null || options.InMemory)
        {
            if (postgresGiven)
            {
                return (null, "--postgres cannot be combined with --data or --in-memory", false);
            }

            // An explicit SQLite choice on the command line wins over OAK_EMULATOR_POSTGRES.
            options.PostgresConnectionString = null;
        }

        return (options, null, false);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
