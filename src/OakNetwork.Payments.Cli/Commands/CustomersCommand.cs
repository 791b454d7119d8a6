using Spectre.Console;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using OakNetwork.Payments.Cli.Client;
using OakNetwork.Payments.Cli.Output;

namespace OakNetwork.Payments.Cli.Commands;

/// <summary><c>oak customers create|get|list|update|sync|balance|platform</c>, and the files/import/export groups.</summary>
internal static class CustomersCommand
{
    public static Command Create(CliContext context)
    {
        var customers = new Command("customers", "Create, read, list, update and sync customers; balances, files and platform (KYC) data.");
        customers.Subcommands.Add(CreateCommand(context));
        customers.Subcommands.Add(GetCommand(context));
        customers.Subcommands.Add(ListCommand(context));
        customers.Subcommands.Add(UpdateCommand(context));
        customers.Subcommands.Add(SyncCommand(context));
        customers.Subcommands.Add(BalanceCommand(context));
        customers.Subcommands.Add(PlatformCommand(context));
        customers.Subcommands.Add(CustomerFilesCommand.Create(context));
        customers.Subcommands.Add(ImportCommand.Create(context));
        customers.Subcommands.Add(ExportCommand.Create(context));
        return customers;
    }

    public static Argument<string> IdArgument() => new("id") { Description = "The customer id (a UUID, with or without cus_)." };

    /// <summary>The list filters shared by <c>list</c> and <c>export</c>.</summary>
    public static ListFilterOptions AddFilters(Command command)
    {
        var filters = new ListFilterOptions();
        foreach (var option in filters.All)
        {
            command.Options.Add(option);
        }

        return filters;
    }

    private static Command CreateCommand(CliContext context)
    {
        var command = new Command("create", "Create a customer (--email is required).");
        var fields = FieldOptions(command);
        command.SetAction(async (parse, ct) =>
        {
            var body = ReadFields(parse, fields);
            using var session = ApiSessionFactory.Open(parse, context);
            var renderer = new Renderer(context, GlobalOptions.GetFormat(parse), session.Settings.EffectiveBaseUrl);
            var capture = renderer.BeginCall();
            var result = await session.Customers.CreateAsync(CustomerFieldInput.ToCreateRequest(body), null, ct).ConfigureAwait(false);
            return renderer.Print(result, capture, Renderer.CustomerTable);
        });
        return command;
    }

    private static Command GetCommand(CliContext context)
    {
        var command = new Command("get", "Show a customer.");
        var id = IdArgument();
        command.Arguments.Add(id);
        command.SetAction(async (parse, ct) =>
        {
            using var session = ApiSessionFactory.Open(parse, context);
            var renderer = new Renderer(context, GlobalOptions.GetFormat(parse), session.Settings.EffectiveBaseUrl);
            var capture = renderer.BeginCall();
            var result = await session.Customers.GetAsync(parse.GetRequiredValue(id), null, ct).ConfigureAwait(false);
            return renderer.Print(result, capture, Renderer.CustomerTable);
        });
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var command = new Command("list", "List customers, newest first, one page at a time (see export for all of them).");
        var limit = new Option<int?>("--limit") { Description = "Page size (the API's default is 10; above 100 it is clamped unless --strict)." };
        var offset = new Option<int?>("--offset") { Description = "How many matching customers to skip." };
        var strict = new Option<bool>("--strict") { Description = "Reject a limit above 100 instead of clamping it." };
        command.Options.Add(limit);
        command.Options.Add(offset);
        command.Options.Add(strict);
        var filters = AddFilters(command);
        command.SetAction(async (parse, ct) =>
        {
            var query = filters.ToQuery(parse);
            query.Limit = parse.GetValue(limit);
            query.Offset = parse.GetValue(offset);
            query.Strict = parse.GetValue(strict) ? true : null;
            using var session = ApiSessionFactory.Open(parse, context);
            var renderer = new Renderer(context, GlobalOptions.GetFormat(parse), session.Settings.EffectiveBaseUrl);
            var capture = renderer.BeginCall();
            var result = await session.Customers.ListAsync(query, null, ct).ConfigureAwait(false);
            return renderer.Print(result, capture, (console, page) => Renderer.CustomerListTable(console, page, query.Offset ?? 0));
        });
        return command;
    }

    private static Command UpdateCommand(CliContext context)
    {
        var command = new Command("update", "Change some fields of a customer; --clear FIELD sends null to clear one.");
        var id = IdArgument();
        command.Arguments.Add(id);
        var fields = FieldOptions(command);
        var clear = new Option<string[]>("--clear")
        {
            Description = "A field to clear (repeatable, or comma-separated), e.g. --clear phone_number.",
            AllowMultipleArgumentsPerToken = true,
        };
        command.Options.Add(clear);
        command.SetAction(async (parse, ct) =>
        {
            var body = ReadFields(parse, fields);
            foreach (var field in SplitList(parse.GetValue(clear)))
            {
                var name = field.Replace('-', '_').ToLowerInvariant();
                if (!CustomerFieldInput.IsWritable(name))
                {
                    throw new CliException($"--clear: '{field}' is not a customer field. Fields: {string.Join(", ", CustomerFieldInput.Writable)}.", ExitCodes.Usage);
                }

                if (body.ContainsKey(name))
                {
                    throw new CliException($"--clear {name} conflicts with {CustomerFieldInput.OptionName(name)}.", ExitCodes.Usage);
                }

                body[name] = null;
            }

            if (body.Count == 0)
            {
                throw new CliException("Nothing to update: pass at least one field option (e.g. --first-name Ana) or --clear FIELD.", ExitCodes.Usage);
            }

            using var session = ApiSessionFactory.Open(parse, context);
            var renderer = new Renderer(context, GlobalOptions.GetFormat(parse), session.Settings.EffectiveBaseUrl);
            var capture = renderer.BeginCall();
            var result = await session.Customers.UpdateAsync(parse.GetRequiredValue(id), CustomerFieldInput.ToUpdateRequest(body), null, ct).ConfigureAwait(false);
            return renderer.Print(result, capture, Renderer.CustomerTable);
        });
        return command;
    }

    private static Command SyncCommand(CliContext context)
    {
        var command = new Command("sync", "Schedule a sync of some fields to one provider; --wait polls until the customer is synced.");
        var id = IdArgument();
        command.Arguments.Add(id);
        var provider = new Option<string>("--provider") { Description = "stripe, bridge, pagar_me, brla, avenia or mercado_pago.", Required = true };
        var fields = new Option<string[]>("--fields", "--field")
        {
            Description = "Fields to sync: shipping, email, first_name, last_name (repeatable or comma-separated).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var wait = new Option<bool>("--wait") { Description = "Wait until the customer reports synced: true." };
        var waitTimeout = new Option<int>("--wait-timeout") { Description = "Seconds --wait waits at most.", DefaultValueFactory = _ => 60 };
        command.Options.Add(provider);
        command.Options.Add(fields);
        command.Options.Add(wait);
        command.Options.Add(waitTimeout);
        command.SetAction(async (parse, ct) =>
        {
            var request = new CustomerSyncRequest
            {
                Providers = [new Provider(parse.GetRequiredValue(provider))],
                Fields = SplitList(parse.GetValue(fields)).Select(f => new SyncField(f)).ToArray(),
            };
            var customerId = parse.GetRequiredValue(id);
            using var session = ApiSessionFactory.Open(parse, context);
            var renderer = new Renderer(context, GlobalOptions.GetFormat(parse), session.Settings.EffectiveBaseUrl);
            var capture = renderer.BeginCall();
            var result = await session.Customers.SyncAsync(customerId, request, null, ct).ConfigureAwait(false);
            if (!result.Ok)
            {
                return renderer.Fail(result.Error);
            }

            if (!parse.GetValue(wait))
            {
                return renderer.Print(result, capture, (console, _) => console.WriteLine($"{result.Value.Msg} for {customerId}."));
            }

            var deadline = DateTime.UtcNow.AddSeconds(parse.GetValue(waitTimeout));
            while (true)
            {
                capture = renderer.BeginCall();
                var current = await session.Customers.GetAsync(customerId, null, ct).ConfigureAwait(false);
                if (!current.Ok || current.Value.Data.Synced)
                {
                    return renderer.Print(current, capture, Renderer.CustomerTable);
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new CliException($"The sync was scheduled but {customerId} was not synced within {parse.GetValue(waitTimeout)} s.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), ct).ConfigureAwait(false);
            }
        });
        return command;
    }

    private static Command BalanceCommand(CliContext context)
    {
        var command = new Command("balance", "Show a customer's balances per provider account.");
        var id = IdArgument();
        command.Arguments.Add(id);
        var provider = new Option<string?>("--provider") { Description = "Only these providers (comma-separated)." };
        var role = new Option<string?>("--role") { Description = "Only these roles: customer, connected_account, subaccount (comma-separated)." };
        command.Options.Add(provider);
        command.Options.Add(role);
        command.SetAction(async (parse, ct) =>
        {
            var filter = new BalanceFilter { Provider = parse.GetValue(provider), Role = parse.GetValue(role) };
            using var session = ApiSessionFactory.Open(parse, context);
            var renderer = new Renderer(context, GlobalOptions.GetFormat(parse), session.Settings.EffectiveBaseUrl);
            var capture = renderer.BeginCall();
            var result = await session.Customers.BalanceAsync(parse.GetRequiredValue(id), filter, null, ct).ConfigureAwait(false);
            return renderer.Print(result, capture, Renderer.BalancesTable);
        });
        return command;
    }

    private static Command PlatformCommand(CliContext context)
    {
        var command = new Command("platform", "Create or update the customer's registration with a provider (KYC data).");
        var id = IdArgument();
        command.Arguments.Add(id);
        var provider = new Option<string>("--provider") { Description = "The provider, e.g. stripe, bridge, brla, cel_coin.", Required = true };
        var targetRole = new Option<string?>("--target-role") { Description = "customer (the default), connected_account or subaccount." };
        var set = new Option<string[]>("--set")
        {
            Description = "A provider-specific key=value (repeatable), sent as a string.",
        };
        command.Options.Add(provider);
        command.Options.Add(targetRole);
        command.Options.Add(set);
        command.SetAction(async (parse, ct) =>
        {
            var role = parse.GetValue(targetRole);
            var request = new PlatformRequest(new Provider(parse.GetRequiredValue(provider)), role is null ? (TargetRole?)null : new TargetRole(role));
            foreach (var pair in parse.GetValue(set) ?? [])
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new CliException($"--set expects key=value, not '{pair}'.", ExitCodes.Usage);
                }

                request.Set(pair[..eq].Trim(), pair[(eq + 1)..]);
            }

            using var session = ApiSessionFactory.Open(parse, context);
            var renderer = new Renderer(context, GlobalOptions.GetFormat(parse), session.Settings.EffectiveBaseUrl);
            var capture = renderer.BeginCall();
            var result = await session.Customers.PopulatePlatformAsync(parse.GetRequiredValue(id), request, null, ct).ConfigureAwait(false);
            return renderer.Print(result, capture, Renderer.RegistrationsTable);
        });
        return command;
    }

    private static Dictionary<string, Option<string?>> FieldOptions(Command command)
    {
        var options = new Dictionary<string, Option<string?>>(StringComparer.Ordinal);
        foreach (var field in CustomerFieldInput.Writable)
        {
            var option = new Option<string?>(CustomerFieldInput.OptionName(field))
            {
                Description = field switch
                {
                    "email" => "The email (unique per merchant).",
                    "document_type" or "owner_document_type" => "cpf, cnpj, passport, ssn, itin, cc, curp, personal_tax_id or company_tax_id.",
                    "dob" or "company_start_date" => "A date, YYYY-MM-DD.",
                    "gender" => "male, female or other.",
                    "country_code" => "ISO 3166-1 alpha-2, e.g. br.",
                    "monthly_net_income" => "A whole number.",
                    "additional_info" => "A JSON object, e.g. {\"source\":\"crm\"}.",
                    _ => $"The {field.Replace('_', ' ')}.",
                },
            };
            command.Options.Add(option);
            options[field] = option;
        }

        return options;
    }

    private static JsonObject ReadFields(ParseResult parse, Dictionary<string, Option<string?>> options)
    {
        var body = new JsonObject();
        foreach (var (field, option) in options)
        {
            if (parse.GetResult(option) is null)
            {
                continue;
            }

            if (CustomerFieldInput.TryAdd(body, field, parse.GetValue(option) ?? string.Empty) is { } problem)
            {
                throw new CliException($"{CustomerFieldInput.OptionName(field)}: {problem}.", ExitCodes.Usage);
            }
        }

        return body;
    }

    public static IEnumerable<string> SplitList(IEnumerable<string>? values)
        => (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    internal static string Plural(long count, string noun)
        => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
