using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.IntegrationTests.TestSupport;

namespace OakNetwork.Payments.IntegrationTests;

/// <summary>The README's SDK quickstart, verbatim, so the documented code is known to compile and work.</summary>
public sealed class ReadmeQuickstartTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task The_readme_quickstart_runs_against_the_emulator()
    {
        using var client = fixture.Emulator.CreateClient();
        await QuickstartAsync(client, Guid.NewGuid().ToString("N")[..8]);
    }

    [Fact]
    public async Task The_readme_offline_testing_example_runs()
    {
        // README "Testing your integration offline"
        await using var oak = await OakEmulator.StartAsync(new EmulatorOptions { Port = 0, InMemory = true });
        using var client = oak.CreateClient();

        var result = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "test@example.com" });

        Assert.True(result.Ok);
        Assert.Equal("test@example.com", result.Value.Data.Email);
    }

    private static async Task QuickstartAsync(OakClient client, string unique)
    {
        // README "SDK quickstart" (from here to the end of the method).
        var ct = CancellationToken.None;

        // 1. Create (email is required; every other contract field is optional).
        var created = await client.Customers.CreateAsync(
            new CreateCustomerRequest { Email = $"ana.{unique}@example.com", FirstName = "Ana", CountryCode = "br", DocumentType = DocumentType.Cpf },
            new RequestOptions { IdempotencyKey = $"signup-{unique}" }, // optional: a retry of this call never creates twice
            ct);
        if (!created.Ok)
        {
            Console.Error.WriteLine(created.Error); // ApiError (status, message, failure reasons), NetworkError, TimeoutError, ...
            return;
        }

        var id = created.Value.Data.Id!;

        // 2. Get; 3. List one page with filters; auto-pagination walks every page.
        Customer customer = (await client.Customers.GetAsync(id, cancellationToken: ct)).EnsureOk().Data; // EnsureOk throws OakException
        var page = (await client.Customers.ListAsync(new CustomerListQuery { CountryCode = "br", Limit = 20 }, cancellationToken: ct)).EnsureOk().Data;
        Console.WriteLine($"{page.Count} Brazilian customers; first page: {page.CustomerList.Count}");
        await foreach (var c in client.Customers.ListAutoPagingAsync(new CustomerListQuery { DocumentType = "cpf" }, cancellationToken: ct))
        {
            Console.WriteLine($"{c.Id} {c.Email} {c.Status}");
        }

        // 4. Update: only the properties you set are sent; null clears a field.
        customer = (await client.Customers.UpdateAsync(id, new UpdateCustomerRequest { LastName = "Souza", PhoneNumber = null }, cancellationToken: ct)).EnsureOk().Data;

        // 5. Sync some fields to one provider (runs in the background; the customer's Synced turns true).
        (await client.Customers.SyncAsync(id, new CustomerSyncRequest { Providers = [Provider.Stripe], Fields = [SyncField.Email, SyncField.FirstName] }, cancellationToken: ct)).EnsureOk();

        // 6. Populate platform (KYC) data for a provider registration.
        var registrations = (await client.Customers.PopulatePlatformAsync(id, new PlatformRequest(Provider.Stripe, TargetRole.Customer).Set("business_type", "individual"), cancellationToken: ct)).EnsureOk().Data;

        // 7. Balances per provider account.
        var balances = (await client.Customers.BalanceAsync(id, new BalanceFilter { Provider = "stripe" }, cancellationToken: ct)).EnsureOk().Data;

        // 8. Upload KYC documents (PDF, JPEG or PNG, at most 5 MiB each, 10 per call); 9. list them.
        await using (var passport = File.OpenRead(WritePdf()))
        {
            (await client.Customers.UploadFilesAsync(id, [new CustomerFileUpload("passport.pdf", passport) { ContentType = "application/pdf", FileType = CustomerFileType.Passport }], cancellationToken: ct)).EnsureOk();
        }

        var files = (await client.Customers.GetFilesAsync(id, cancellationToken: ct)).EnsureOk().Data;

        // Errors are values: check Ok, or match on the error type.
        var missing = await client.Customers.GetAsync(Guid.NewGuid().ToString(), cancellationToken: ct);
        if (missing.Error is ApiError { Status: 404 } notFound)
        {
            Console.WriteLine($"not found (request id {notFound.RequestId})");
        }

        // (end of the README quickstart)
        Assert.Equal("Souza", customer.LastName);
        Assert.Single(registrations);
        Assert.Single(balances.Balances);
        Assert.Single(files);
        Assert.IsType<ApiError>(missing.Error);
    }

    private static string WritePdf()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllText(path, "%PDF-1.4\n%%EOF\n");
        return path;
    }
}
