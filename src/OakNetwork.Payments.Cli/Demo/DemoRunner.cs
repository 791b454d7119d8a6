using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OakNetwork.Payments.Cli.Client;
using OakNetwork.Payments.Cli.Output;

namespace OakNetwork.Payments.Cli.Demo;

/// <summary>
/// Walks a customer's whole lifecycle through the SDK against an emulator: create, get, list with a filter,
/// update, sync and wait for it, populate a platform and approve it (emulator admin API), set a balance (admin API)
/// and read it, upload a generated PNG and list the files. Every step becomes a <see cref="DemoStep"/>.
/// </summary>
internal sealed class DemoRunner
{
    private static readonly TimeSpan SyncWait = TimeSpan.FromSeconds(30);
    private readonly CustomerService _customers;
    private readonly HttpClient _admin;
    private readonly List<DemoStep> _steps = [];

    public DemoRunner(CustomerService customers, HttpClient admin)
    {
        _customers = customers;
        _admin = admin;
    }

    public IReadOnlyList<DemoStep> Steps => _steps;

    /// <summary>Runs every step; a failing step is recorded and ends the run with a <see cref="DemoFailedException"/>.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var email = $"ada.{Guid.NewGuid():N}"[..16] + "@example.com";
        var created = await ApiStepAsync(
            "customers.create",
            () => _customers.CreateAsync(
                new CreateCustomerRequest
                {
                    Email = email,
                    FirstName = "Ada",
                    LastName = "Lovelace",
                    CountryCode = "br",
                    DocumentType = DocumentType.Cpf,
                    DocumentNumber = "52998224725",
                    Dob = "1990-12-10",
                },
                null,
                cancellationToken),
            c => $"id={c.Id} status={c.Status} version={c.Version}").ConfigureAwait(false);
        var id = created.Id ?? throw new DemoFailedException("customers.create returned no id.");

        await ApiStepAsync("customers.get", () => _customers.GetAsync(id, null, cancellationToken), c => $"email={c.Email}").ConfigureAwait(false);

        await ApiStepAsync(
            "customers.list (email filter)",
            () => _customers.ListAsync(new CustomerListQuery { Email = email, Limit = 10 }, null, cancellationToken),
            page => page.CustomerList.Any(c => c.Id == id)
                ? $"count={page.Count}, found {id}"
                : throw new DemoFailedException($"the list filtered by {email} does not contain {id}")).ConfigureAwait(false);

        await ApiStepAsync(
            "customers.update",
            () => _customers.UpdateAsync(id, new UpdateCustomerRequest { LastName = "King", PhoneCountryCode = "+55", PhoneAreaCode = "11", PhoneNumber = "912345678" }, null, cancellationToken),
            c => $"last_name={c.LastName} version={c.Version} synced={Lower(c.Synced)}").ConfigureAwait(false);

        await ApiStepAsync(
            "customers.sync",
            () => _customers.SyncAsync(id, new CustomerSyncRequest { Providers = [Provider.Stripe], Fields = [SyncField.Email, SyncField.FirstName, SyncField.LastName] }, null, cancellationToken),
            _ => "stripe: email, first_name, last_name scheduled").ConfigureAwait(false);

        await WaitForSyncedAsync(id, cancellationToken).ConfigureAwait(false);

        await ApiStepAsync(
            "customers.platform",
            () => _customers.PopulatePlatformAsync(id, new PlatformRequest(Provider.Stripe, TargetRole.Customer).Set("business_type", "individual"), null, cancellationToken),
            registrations => string.Join(", ", registrations.Select(r => $"{r.Provider}/{r.TargetRole}={r.Status}"))).ConfigureAwait(false);

        await AdminStepAsync(
            "admin: approve registration",
            $"_emulator/customers/{id}/registrations",
            new JsonObject { ["provider"] = "stripe", ["target_role"] = "customer", ["status"] = "approved" },
            "stripe/customer=approved",
            cancellationToken).ConfigureAwait(false);

        await ApiStepAsync(
            "customers.get (after approval)",
            () => _customers.GetAsync(id, null, cancellationToken),
            c => c.Status == CustomerStatus.Approved
                ? $"status={c.Status} platforms={string.Join(",", c.Platforms.Select(p => $"{p.Provider}:{p.Status}"))}"
                : throw new DemoFailedException($"expected status APPROVED, got {c.Status}")).ConfigureAwait(false);

        await AdminStepAsync(
            "admin: set balance",
            $"_emulator/customers/{id}/balances",
            new JsonObject { ["provider"] = "stripe", ["role"] = "customer", ["currency"] = "usd", ["available"] = 1000, ["pending"] = 500 },
            "stripe usd available=1000 pending=500",
            cancellationToken).ConfigureAwait(false);

        await ApiStepAsync(
            "customers.balance",
            () => _customers.BalanceAsync(id, new BalanceFilter { Provider = "stripe" }, null, cancellationToken),
            balances =>
            {
                var total = balances.Balances.SelectMany(b => b.Totals).FirstOrDefault(t => t.Currency == "usd")
                    ?? throw new DemoFailedException("no usd balance was returned");
                return total.Amount == 1500 && total.Available == 1000
                    ? $"usd amount={total.Amount} available={total.Available} pending={total.Pending}"
                    : throw new DemoFailedException($"expected usd amount 1500 (available 1000), got amount {total.Amount} (available {total.Available})");
            }).ConfigureAwait(false);

        var png = DemoPng.Create();
        await ApiStepAsync(
            "customers.files.upload",
            async () =>
            {
                using var content = new MemoryStream(png);
                return await _customers.UploadFilesAsync(id, [new CustomerFileUpload("oak-demo.png", content) { ContentType = "image/png", FileType = CustomerFileType.Passport }], null, cancellationToken).ConfigureAwait(false);
            },
            files => string.Join(", ", files.Select(f => $"{f.Name} {f.Size} B {f.ContentType}"))).ConfigureAwait(false);

        await ApiStepAsync(
            "customers.files.list",
            () => _customers.GetFilesAsync(id, null, cancellationToken),
            files => files.Count == 1 && files[0].Size == png.Length
                ? $"{files.Count} file: {files[0].Name} ({files[0].FileType})"
                : throw new DemoFailedException($"expected the uploaded {png.Length}-byte file, got {files.Count} file(s)")).ConfigureAwait(false);
    }

    private async Task<T> ApiStepAsync<T>(string operation, Func<Task<OakResult<ApiResponse<T>>>> call, Func<T, string> describe)
    {
        var capture = ResponseCapture.Begin(keepBody: false);
        var stopwatch = Stopwatch.StartNew();
        var result = await call().ConfigureAwait(false);
        stopwatch.Stop();
        if (!result.Ok)
        {
            Fail(operation, capture.Status, ErrorReporter.OneLine(result.Error), stopwatch.Elapsed);
        }

        string details;
        try
        {
            details = describe(result.Value.Data);
        }
        catch (DemoFailedException e)
        {
            Fail(operation, capture.Status, e.Message, stopwatch.Elapsed);
            throw;
        }

        _steps.Add(new DemoStep(_steps.Count + 1, operation, capture.Status, details, stopwatch.Elapsed, true));
        return result.Value.Data;
    }

    private async Task WaitForSyncedAsync(string id, CancellationToken cancellationToken)
    {
        const string operation = "wait for synced (polling get)";
        var stopwatch = Stopwatch.StartNew();
        var polls = 0;
        while (true)
        {
            var capture = ResponseCapture.Begin(keepBody: false);
            var result = await _customers.GetAsync(id, null, cancellationToken).ConfigureAwait(false);
            polls++;
            if (!result.Ok)
            {
                Fail(operation, capture.Status, ErrorReporter.OneLine(result.Error), stopwatch.Elapsed);
            }

            if (result.Value.Data.Synced)
            {
                var customer = result.Value.Data;
                _steps.Add(new DemoStep(_steps.Count + 1, operation, capture.Status, $"synced=true synced_at={CustomerColumns.Timestamp(customer.SyncedAt)} after {polls} poll(s)", stopwatch.Elapsed, true));
                return;
            }

            if (stopwatch.Elapsed > SyncWait)
            {
                Fail(operation, capture.Status, $"still synced=false after {SyncWait.TotalSeconds:0} s", stopwatch.Elapsed);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AdminStepAsync(string operation, string path, JsonObject body, string details, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await _admin.PostAsJsonAsync(path, body, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            Fail(operation, null, e.Message, stopwatch.Elapsed);
            throw;
        }

        using (response)
        {
            stopwatch.Stop();
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                Fail(operation, status, text, stopwatch.Elapsed);
            }

            _steps.Add(new DemoStep(_steps.Count + 1, operation, status, details, stopwatch.Elapsed, true));
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(string operation, int? status, string message, TimeSpan elapsed)
    {
        _steps.Add(new DemoStep(_steps.Count + 1, operation, status, message, elapsed, false));
        throw new DemoFailedException(string.Create(CultureInfo.InvariantCulture, $"step {_steps.Count} ({operation}) failed: {message}"));
    }

    private static string Lower(bool value) => value ? "true" : "false";
}
