using System.CommandLine;
using System.Text;
using OakNetwork.Payments.Cli.Client;
using OakNetwork.Payments.Cli.Export;
using OakNetwork.Payments.Cli.Output;

namespace OakNetwork.Payments.Cli.Commands;

/// <summary><c>oak customers export</c>: every matching customer, streamed page by page.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("export", "Write every matching customer as CSV or JSON, streamed (constant memory).");
        var format = new Option<string>("--format") { Description = "csv (default) or json (an array of customers).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<string?>("--out") { Description = "The file to write (default: standard output)." };
        var pageSize = new Option<int>("--page-size") { Description = "Customers per request (1-100).", DefaultValueFactory = _ => 100 };
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(pageSize);
        var filters = CustomersCommand.AddFilters(command);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(pageSize) is < 1 or > 100)
            {
                throw new CliException("--page-size must be from 1 to 100.", ExitCodes.Usage);
            }

            var query = filters.ToQuery(parse);
            query.Limit = parse.GetValue(pageSize);
            var path = parse.GetValue(output);
            using var session = ApiSessionFactory.Open(parse, context);
            var renderer = new Renderer(context, OutputFormat.Table, session.Settings.EffectiveBaseUrl);
            var customers = session.Customers.ListAutoPagingAsync(query, null, ct);
            var json = string.Equals(parse.GetValue(format), "json", StringComparison.OrdinalIgnoreCase);
            StreamWriter? file = null;
            try
            {
                if (path is not null)
                {
                    file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                }

                var writer = (TextWriter?)file ?? context.Stdout;
                var count = json
                    ? await CustomerExporter.WriteJsonAsync(customers, writer, ct).ConfigureAwait(false)
                    : await CustomerExporter.WriteCsvAsync(customers, writer, ct).ConfigureAwait(false);
                if (path is not null)
                {
                    await context.Stdout.WriteLineAsync($"Exported {CustomersCommand.Plural(count, "customer")} to {Path.GetFullPath(path)}.").ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }
            catch (OakException e)
            {
                return renderer.Fail(e.Error);
            }
            finally
            {
                if (file is not null)
                {
                    await file.DisposeAsync().ConfigureAwait(false);
                }
            }
        });
        return command;
    }
}
