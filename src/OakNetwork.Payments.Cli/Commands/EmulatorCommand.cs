using System.CommandLine;
using System.Globalization;
using OakNetwork.Payments.Emulator.Hosting;

namespace OakNetwork.Payments.Cli.Commands;

/// <summary><c>oak emulator</c>: hosts the emulator in this process, exactly as its own program does.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("emulator", "Run the local Oak API emulator until Ctrl+C (development merchant: oak-dev-client / oak-dev-secret).");
        var port = new Option<int?>("--port") { Description = "Loopback port (default 5080; 0 picks a free one)." };
        var urls = new Option<string?>("--urls") { Description = "Listening URLs instead of --port, e.g. http://127.0.0.1:6000." };
        var data = new Option<string?>("--data") { Description = "SQLite data file (default .oak/emulator.db)." };
        var inMemory = new Option<bool>("--in-memory") { Description = "Keep data only while running." };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "PostgreSQL connection string: a shared store for several emulator instances (also OAK_EMULATOR_POSTGRES).",
        };
        command.Options.Add(port);
        command.Options.Add(urls);
        command.Options.Add(data);
        command.Options.Add(inMemory);
        command.Options.Add(postgres);
        command.Validators.Add(result =>
        {
            var stores = (result.GetResult(data) is not null ? 1 : 0) + (result.GetValue(inMemory) ? 1 : 0) + (result.GetResult(postgres) is not null ? 1 : 0);
            if (stores > 1)
            {
                result.AddError("Choose one store: --data, --in-memory or --postgres.");
            }
        });
        command.SetAction((parse, ct) =>
        {
            var args = new List<string>();
            if (parse.GetValue(port) is { } p)
            {
                args.AddRange(["--port", p.ToString(CultureInfo.InvariantCulture)]);
            }

            if (parse.GetValue(urls) is { } u)
            {
                args.AddRange(["--urls", u]);
            }

            if (parse.GetValue(data) is { } d)
            {
                args.AddRange(["--data", d]);
            }

            if (parse.GetValue(inMemory))
            {
                args.Add("--in-memory");
            }

            if (parse.GetValue(postgres) is { } connectionString)
            {
                args.AddRange(["--postgres", connectionString]);
            }

            // The global credentials, when given, become the development merchant's.
            if (parse.GetValue(GlobalOptions.ClientId) is { } id)
            {
                args.AddRange(["--client-id", id]);
            }

            if (parse.GetValue(GlobalOptions.ClientSecret) is { } secret)
            {
                args.AddRange(["--client-secret", secret]);
            }

            return EmulatorProgram.RunAsync([.. args], context.Stdout, context.Stderr, ct);
        });
        return command;
    }
}
