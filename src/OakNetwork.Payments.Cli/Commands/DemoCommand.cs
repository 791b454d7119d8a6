using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using OakNetwork.Payments.Cli.Client;
using OakNetwork.Payments.Cli.Demo;
using OakNetwork.Payments.Emulator.Hosting;

namespace OakNetwork.Payments.Cli.Commands;

/// <summary><c>oak demo</c>: an embedded emulator and the whole customer lifecycle through the SDK, as a table.</summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("demo", "Start an embedded emulator on a free port and walk a customer's whole lifecycle through the SDK.");
        var data = new Option<string?>("--data") { Description = "Keep the emulator's data in this SQLite file (default: a temporary store)." };
        command.Options.Add(data);
        command.SetAction(async (parse, ct) =>
        {
            var dataPath = parse.GetValue(data);
            OakEmulator emulator;
            try
            {
                emulator = await OakEmulator.StartAsync(
                    new EmulatorOptions { Port = 0, InMemory = dataPath is null, DataPath = dataPath, LogLevel = LogLevel.Warning },
                    ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                throw new CliException($"The embedded emulator could not start: {e.Message}");
            }

            await using (emulator.ConfigureAwait(false))
            {
                var console = context.Console;
                console.WriteLine($"Oak emulator started at {emulator.BaseUrl} ({(emulator.DataPath is null ? "temporary store" : "data: " + emulator.DataPath)}); merchant {emulator.ClientId}.");
                using var session = ApiSessionFactory.Open(new ClientSettings(emulator.ClientId, emulator.ClientSecret, OakEnvironment.Sandbox, emulator.BaseUrl));
                using var admin = new HttpClient { BaseAddress = emulator.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
                var runner = new DemoRunner(session.Customers, admin);
                string? failure = null;
                try
                {
                    await runner.RunAsync(ct).ConfigureAwait(false);
                }
                catch (DemoFailedException e)
                {
                    failure = e.Message;
                }

                console.Write(BuildTable(runner.Steps));
                if (failure is not null)
                {
                    await context.Stderr.WriteLineAsync($"Demo failed: {failure}").ConfigureAwait(false);
                    return ExitCodes.Failure;
                }

                var total = runner.Steps.Aggregate(TimeSpan.Zero, (sum, step) => sum + step.Elapsed);
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"All {runner.Steps.Count} steps passed in {total.TotalMilliseconds:0} ms."));
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Table BuildTable(IReadOnlyList<DemoStep> steps)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Oak customer lifecycle")
            .AddColumn(new TableColumn("#").RightAligned())
            .AddColumn("Operation")
            .AddColumn(new TableColumn("HTTP").RightAligned())
            .AddColumn("Key fields")
            .AddColumn(new TableColumn("Time").RightAligned());
        foreach (var step in steps)
        {
            var status = step.Status?.ToString(CultureInfo.InvariantCulture) ?? "-";
            table.AddRow(
                step.Number.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(step.Operation),
                step.Ok ? status : $"[red]{status}[/]",
                step.Ok ? Markup.Escape(step.Details) : $"[red]FAILED: {Markup.Escape(step.Details)}[/]",
                string.Create(CultureInfo.InvariantCulture, $"{step.Elapsed.TotalMilliseconds:0} ms"));
        }

        return table;
    }
}
