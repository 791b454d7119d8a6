using System.Globalization;
using Spectre.Console;
using OakNetwork.Payments.Cli.Client;

namespace OakNetwork.Payments.Cli.Output;

/// <summary>
/// Prints an SDK result: the error (to stderr, exit 1), or the value as a table or as the API's raw <c>data</c>.
/// </summary>
internal sealed class Renderer
{
    private readonly CliContext _context;
    private readonly OutputFormat _format;
    private readonly Uri _baseUrl;

    public Renderer(CliContext context, OutputFormat format, Uri baseUrl)
    {
        _context = context;
        _format = format;
        _baseUrl = baseUrl;
    }

    public OutputFormat Format => _format;

    /// <summary>Starts capturing the next call's raw answer (for JSON output).</summary>
    public ResponseCapture BeginCall() => ResponseCapture.Begin(keepBody: _format == OutputFormat.Json);

    /// <summary>Prints the result with <paramref name="table"/> for the table format; returns the exit code.</summary>
    public int Print<T>(OakResult<ApiResponse<T>> result, ResponseCapture capture, Action<IAnsiConsole, T> table)
    {
        if (!result.Ok)
        {
            return Fail(result.Error);
        }

        var value = result.Value.Data;
        if (_format == OutputFormat.Json)
        {
            if (!JsonOutput.TryWriteData(capture.Body, _context.Stdout))
            {
                JsonOutput.WriteModel(value, _context.Stdout);
            }
        }
        else
        {
            table(_context.Console, value);
        }

        return ExitCodes.Success;
    }

    public int Fail(OakError error)
    {
        _context.Stderr.WriteLine(ErrorReporter.Describe(error, _baseUrl, _context.Verbose));
        return ExitCodes.Failure;
    }

    public static void CustomerTable(IAnsiConsole console, Customer customer)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Field").AddColumn("Value");
        foreach (var (name, get) in CustomerColumns.All)
        {
            if (get(customer) is { Length: > 0 } value)
            {
                table.AddRow(Markup.Escape(name), Markup.Escape(value));
            }
        }

        console.Write(table);
    }

    public static void CustomerListTable(IAnsiConsole console, CustomerListPage page, int offset)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("id", "email", "name", "country", "document", "status", "synced", "created_at");
        foreach (var c in page.CustomerList)
        {
            table.AddRow(
                Markup.Escape(c.Id ?? ""),
                Markup.Escape(c.Email ?? ""),
                Markup.Escape(string.Join(' ', new[] { c.FirstName, c.LastName }.Where(n => !string.IsNullOrEmpty(n)))),
                Markup.Escape(c.CountryCode ?? ""),
                Markup.Escape(c.DocumentType?.Value ?? ""),
                Markup.Escape(c.Status.Value),
                c.Synced ? "yes" : "no",
                Markup.Escape(CustomerColumns.Timestamp(c.CreatedAt) ?? ""));
        }

        console.Write(table);
        var shown = page.CustomerList.Count;
        console.WriteLine(shown == 0
            ? string.Create(CultureInfo.InvariantCulture, $"No customers (total {page.Count}).")
            : string.Create(CultureInfo.InvariantCulture, $"Showing {offset + 1}-{offset + shown} of {page.Count}."));
    }

    public static void BalancesTable(IAnsiConsole console, CustomerBalances balances)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("account", "provider", "role", "currency", "amount", "available", "pending", "reserved", "instant_payouts");
        foreach (var balance in balances.Balances)
        {
            foreach (var total in balance.Totals)
            {
                table.AddRow(
                    Markup.Escape(balance.AccountId ?? ""),
                    Markup.Escape(balance.Provider.Value),
                    Markup.Escape(balance.Customer?.Role.Value ?? ""),
                    Markup.Escape(total.Currency ?? ""),
                    Money(total.Amount),
                    Money(total.Available),
                    Money(total.Pending),
                    Money(total.Reserved),
                    Money(total.InstantPayouts));
            }
        }

        console.Write(table);
        console.WriteLine(balances.Balances.Count == 0
            ? "No balance accounts (an account exists once the customer has a platform registration)."
            : $"As of {CustomerColumns.Timestamp(balances.AsOf)} (amounts in minor units).");
    }

    public static void FilesTable(IAnsiConsole console, IReadOnlyList<CustomerFile> files)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("id", "name", "file_type", "content_type", "size", "created_at", "url");
        foreach (var file in files)
        {
            table.AddRow(
                Markup.Escape(file.Id ?? ""),
                Markup.Escape(file.Name ?? ""),
                Markup.Escape(file.FileType?.Value ?? ""),
                Markup.Escape(file.ContentType ?? ""),
                file.Size.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(CustomerColumns.Timestamp(file.CreatedAt) ?? ""),
                Markup.Escape(file.Url?.ToString() ?? ""));
        }

        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files.Count} file(s)."));
    }

    public static void RegistrationsTable(IAnsiConsole console, IReadOnlyList<PlatformRegistration> registrations)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("provider", "target_role", "status", "rejection_reason", "updated_at");
        foreach (var r in registrations)
        {
            table.AddRow(
                Markup.Escape(r.Provider.Value),
                Markup.Escape(r.TargetRole.Value),
                Markup.Escape(r.Status.Value),
                Markup.Escape(r.RejectionReason ?? ""),
                Markup.Escape(CustomerColumns.Timestamp(r.UpdatedAt) ?? ""));
        }

        console.Write(table);
    }

    private static string Money(long minorUnits) => minorUnits.ToString(CultureInfo.InvariantCulture);
}
