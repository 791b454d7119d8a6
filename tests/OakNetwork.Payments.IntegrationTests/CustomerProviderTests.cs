using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.IntegrationTests.TestSupport;

namespace OakNetwork.Payments.IntegrationTests;

/// <summary>Sync, balances and files: the background and binary parts of the API.</summary>
public sealed class CustomerProviderTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    // A tiny valid PDF and a PNG signature with some bytes: the emulator judges content by its bytes.
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE];

    [Fact]
    public async Task Sync_is_scheduled_and_the_customer_is_later_synced()
    {
        using var client = fixture.Emulator.CreateClient();
        var customer = await NewCustomerAsync(client);
        Assert.False(customer.Synced);

        var ack = (await client.Customers.SyncAsync(customer.Id!, new CustomerSyncRequest { Providers = [Provider.Stripe], Fields = [SyncField.Email, SyncField.FirstName] })).EnsureOk();
        Assert.Equal("Sync scheduled", ack.Msg);
        Assert.Null(ack.Data);

        var synced = await PollAsync(client, customer.Id!, c => c.Synced);
        Assert.NotNull(synced.SyncedAt);
    }

    [Fact]
    public async Task Sync_with_an_unknown_provider_is_a_400()
    {
        using var client = fixture.Emulator.CreateClient();
        var customer = await NewCustomerAsync(client);
        var result = await client.Customers.SyncAsync(customer.Id!, new CustomerSyncRequest { Providers = [new Provider("acme")], Fields = [SyncField.Email] });
        Assert.Equal(400, Assert.IsType<ApiError>(result.Error).Status);
    }

    [Fact]
    public async Task Balances_show_the_totals_the_admin_api_set()
    {
        using var client = fixture.Emulator.CreateClient();
        var customer = await NewCustomerAsync(client);
        Assert.Empty((await client.Customers.BalanceAsync(customer.Id!)).EnsureOk().Data.Balances);
        (await client.Customers.PopulatePlatformAsync(customer.Id!, new PlatformRequest(Provider.Stripe, TargetRole.ConnectedAccount))).EnsureOk();

        await fixture.AdminPostAsync(
            $"_emulator/customers/{customer.Id}/balances",
            new JsonObject { ["provider"] = "stripe", ["role"] = "connected_account", ["currency"] = "usd", ["available"] = 1000, ["pending"] = 500, ["reserved"] = 25, ["instant_payouts"] = 7 });

        var balances = (await client.Customers.BalanceAsync(customer.Id!, new BalanceFilter { Provider = "stripe", Role = "connected_account" })).EnsureOk().Data;
        var balance = Assert.Single(balances.Balances);
        Assert.Equal(Provider.Stripe, balance.Provider);
        Assert.Equal(TargetRole.ConnectedAccount, balance.Customer!.Role);
        Assert.Equal(customer.Id, balance.Customer.Id);
        Assert.False(string.IsNullOrEmpty(balance.AccountId));
        var total = Assert.Single(balance.Totals);
        Assert.Equal("usd", total.Currency);
        Assert.Equal(1000, total.Available);
        Assert.Equal(500, total.Pending);
        Assert.Equal(25, total.Reserved);
        Assert.Equal(7, total.InstantPayouts);
        Assert.Equal(1525, total.Amount);
        Assert.Equal(customer.Id, balances.Filters!.CustomerId);

        Assert.Empty((await client.Customers.BalanceAsync(customer.Id!, new BalanceFilter { Provider = "bridge" })).EnsureOk().Data.Balances);
        Assert.Equal(404, Assert.IsType<ApiError>((await client.Customers.BalanceAsync(Guid.NewGuid().ToString())).Error).Status);
    }

    [Fact]
    public async Task Two_uploaded_files_are_listed_and_one_downloads_byte_for_byte()
    {
        using var client = fixture.Emulator.CreateClient();
        var customer = await NewCustomerAsync(client);

        var uploaded = (await client.Customers.UploadFilesAsync(
            customer.Id!,
            [
                new CustomerFileUpload("passport.pdf", new MemoryStream(Pdf)) { ContentType = "application/pdf", FileType = CustomerFileType.Passport },
                new CustomerFileUpload("../selfie.png", new MemoryStream(Png)) { ContentType = "image/png" },
            ])).EnsureOk().Data;
        Assert.Equal(2, uploaded.Count);

        var files = (await client.Customers.GetFilesAsync(customer.Id!)).EnsureOk().Data;
        Assert.Equal(2, files.Count);
        var pdf = Assert.Single(files, f => f.Name == "passport.pdf");
        var png = Assert.Single(files, f => f.Name == "selfie.png");
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal(CustomerFileType.Passport, pdf.FileType);
        Assert.Equal(Pdf.Length, pdf.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), pdf.Sha256);
        Assert.Equal("image/png", png.ContentType);

        // The link needs no bearer token.
        using var anonymous = new HttpClient();
        var downloaded = await anonymous.GetByteArrayAsync(pdf.Url);
        Assert.Equal(Pdf, downloaded);
    }

    [Fact]
    public async Task An_upload_that_is_not_pdf_jpeg_or_png_is_a_400()
    {
        using var client = fixture.Emulator.CreateClient();
        var customer = await NewCustomerAsync(client);
        var result = await client.Customers.UploadFilesAsync(customer.Id!, [new CustomerFileUpload("notes.txt", new MemoryStream("hello"u8.ToArray())) { ContentType = "application/pdf" }]);
        Assert.Equal(400, Assert.IsType<ApiError>(result.Error).Status);
    }

    private static async Task<Customer> NewCustomerAsync(OakClient client)
        => (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = $"prov.{Guid.NewGuid():N}@example.com", FirstName = "Lia" })).EnsureOk().Data;

    private static async Task<Customer> PollAsync(OakClient client, string id, Func<Customer, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var customer = (await client.Customers.GetAsync(id)).EnsureOk().Data;
            if (done(customer))
            {
                return customer;
            }

            Assert.True(DateTime.UtcNow < deadline, $"customer {id} did not reach the expected state in time (status {customer.Status}, synced {customer.Synced})");
            await Task.Delay(50);
        }
    }
}
