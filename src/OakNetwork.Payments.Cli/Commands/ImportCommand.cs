using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using OakNetwork.Payments.Cli.Client;
using OakNetwork.Payments.Cli.Import;
using OakNetwork.Payments.Cli.Output;

namespace OakNetwork.Payments.Cli.Commands;

/// <summary><c>oak customers import FILE.csv</c>: bulk create, safe to re-run.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command(
            "import",
            "Create customers from a CSV whose header names customer fields (email, first_name, ...). Safe to re-run: rows already imported are not created twice.");
        var file = new Argument<string>("file") { Description = "The CSV file (UTF-8, RFC 4180)." };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once (1-64).", DefaultValueFactory = _ => 8 };
        var rejects = new Option<string?>("--rejects") { Description = "Where rejected rows go, with the reason (default FILE.rejects.csv beside the input)." };
        command.Arguments.Add(file);
        command.Options.Add(concurrency);
        command.Options.Add(rejects);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            if (parse.GetValue(concurrency) is < 1 or > 64)
            {
                throw new CliException("--concurrency must be from 1 to 64.", ExitCodes.Usage);
            }

            var plan = CustomerImporter.Plan(path);
            var rejectsPath = parse.GetValue(rejects) ?? Path.ChangeExtension(Path.GetFullPath(path), null) + ".rejects.csv";
            var format = GlobalOptions.GetFormat(parse);
            using var session = ApiSessionFactory.Open(parse, context);
            var renderer = new Renderer(context, format, session.Settings.EffectiveBaseUrl);

            // One cheap call first: wrong credentials or an unreachable server is one clear error, not N rejected rows.
            var probe = await session.Customers.ListAsync(new CustomerListQuery { Limit = 1 }, null, ct).ConfigureAwait(false);
            if (!probe.Ok)
            {
                return renderer.Fail(probe.Error);
            }

            var importer = new CustomerImporter(session.Customers, parse.GetValue(concurrency));
            ImportSummary summary;
            if (format == OutputFormat.Table && plan.Rows > 0)
            {
                summary = await context.ErrorConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask($"Importing {CustomersCommand.Plural(plan.Rows, "row")}", maxValue: plan.Rows);
                        return await importer.RunAsync(plan, rejectsPath, () => task.Increment(1), ct).ConfigureAwait(false);
                    }).ConfigureAwait(false);
            }
            else
            {
                summary = await importer.RunAsync(plan, rejectsPath, null, ct).ConfigureAwait(false);
            }

            Print(context, format, summary);
            return summary.Rejected + summary.Failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static void Print(CliContext context, OutputFormat format, ImportSummary summary)
    {
        if (format == OutputFormat.Json)
        {
            JsonOutput.WriteModel(
                new
                {
                    rows = summary.Rows,
                    created = summary.Created,
                    already_existed = summary.AlreadyExisted,
                    rejected = summary.Rejected,
                    failed = summary.Failed,
                    rejects_file = summary.RejectsPath,
                    elapsed_ms = (long)summary.Elapsed.TotalMilliseconds,
                },
                context.Stdout);
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Result").AddColumn(new TableColumn("Rows").RightAligned());
        table.AddRow("Created", Count(summary.Created));
        table.AddRow("Already existed", Count(summary.AlreadyExisted));
        table.AddRow("Rejected", Count(summary.Rejected));
        if (summary.Failed > 0)
        {
            table.AddRow("Failed (re-run to retry)", Count(summary.Failed));
        }

        table.AddRow("Total", Count(summary.Rows));
        context.Console.Write(table);
        context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done in {summary.Elapsed.TotalSeconds:0.0} s."));
        if (summary.RejectsPath is not null)
        {
            context.Console.WriteLine($"Rejected rows, with the reason: {summary.RejectsPath}");
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
