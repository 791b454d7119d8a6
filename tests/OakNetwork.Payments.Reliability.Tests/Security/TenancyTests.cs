using OakNetwork.Payments.Reliability.Tests.Infrastructure;

namespace OakNetwork.Payments.Reliability.Tests.Security;

/// <summary>Another merchant's customer, through the SDK, on every customer endpoint: 404, never the data, nothing changed.</summary>
public sealed class TenancyTests(InProcessEmulator fixture) : IClassFixture<InProcessEmulator>
{
    [Fact]
    public async Task Every_customer_endpoint_with_another_merchants_token_is_404_and_changes_nothing()
    {
        using var owner = fixture.Client(await fixture.NewMerchantAsync());
        using var intruder = fixture.Client(await fixture.NewMerchantAsync());
        var request = FullCustomer.Request(Guid.NewGuid().ToString("N"));
        var customer = (await owner.Customers.CreateAsync(request)).EnsureOk().Data;
        var id = customer.Id!;
        (await owner.Customers.UploadFilesAsync(id, [new CustomerFileUpload("mine.pdf", new MemoryStream("%PDF-1.4 owner"u8.ToArray()))])).EnsureOk();

        var errors = new Dictionary<string, OakError?>
        {
            ["get"] = (await intruder.Customers.GetAsync(id)).Error,
            ["get cus_"] = (await intruder.Customers.GetAsync("cus_" + id)).Error,
            ["update"] = (await intruder.Customers.UpdateAsync(id, new UpdateCustomerRequest { FirstName = "Mallory", Email = "mallory@example.com" })).Error,
            ["sync"] = (await intruder.Customers.SyncAsync(id, new CustomerSyncRequest { Providers = [Provider.Stripe], Fields = [SyncField.Email] })).Error,
            ["balances"] = (await intruder.Customers.BalanceAsync(id)).Error,
            ["upload"] = (await intruder.Customers.UploadFilesAsync(id, [new CustomerFileUpload("evil.pdf", new MemoryStream("%PDF-1.4 evil"u8.ToArray()))])).Error,
            ["files"] = (await intruder.Customers.GetFilesAsync(id)).Error,
            ["platforms"] = (await intruder.Customers.PopulatePlatformAsync(id, new PlatformRequest(Provider.Stripe))).Error,
        };

        foreach (var (operation, error) in errors)
        {
            var api = Assert.IsType<ApiError>(error);
            Assert.True(api.Status == 404, $"{operation}: {api.Status} {api.Message}");
            Assert.Equal("not_found", api.ErrorCode);
            Assert.DoesNotContain(request.Email!, api.RawBody ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(request.DocumentNumber!, api.RawBody ?? "", StringComparison.Ordinal);
        }

        var list = (await intruder.Customers.ListAsync(new CustomerListQuery { Email = request.Email })).EnsureOk().Data;
        Assert.Equal(0, list.Count);

        // Nothing the intruder sent reached the owner's customer.
        var after = (await owner.Customers.GetAsync(id)).EnsureOk().Data;
        Assert.Equal(customer.Version, after.Version);
        Assert.Empty(FullCustomer.Differences(request, after));
        Assert.Empty(after.Platforms);
        Assert.Null(after.SyncedAt);
        Assert.Equal("mine.pdf", Assert.Single((await owner.Customers.GetFilesAsync(id)).EnsureOk().Data).Name);
    }
}
