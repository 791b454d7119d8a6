using OakNetwork.Payments.Tests.TestSupport;

namespace OakNetwork.Payments.Tests.Customers;

/// <summary>Invalid input is a <see cref="ValidationError"/> and nothing is sent, not even a token grant.</summary>
public class CustomerServiceValidationTests
{
    private const string Id = Responses.CustomerId;

    public static TheoryData<string> BlankIds => ["", " "];

    [Theory]
    [MemberData(nameof(BlankIds))]
    public async Task Empty_id_is_rejected_before_the_network(string id)
    {
        using var h = Harness.Create(_ => Responses.Customer());

        var results = new OakError?[]
        {
            (await h.Customers.GetAsync(id)).Error,
            (await h.Customers.UpdateAsync(id, new UpdateCustomerRequest { FirstName = "x" })).Error,
            (await h.Customers.SyncAsync(id, new CustomerSyncRequest { Providers = [Provider.Stripe], Fields = [SyncField.Email] })).Error,
            (await h.Customers.BalanceAsync(id)).Error,
            (await h.Customers.GetFilesAsync(id)).Error,
            (await h.Customers.UploadFilesAsync(id, [new CustomerFileUpload("a.pdf", new MemoryStream([1]))])).Error,
            (await h.Customers.PopulatePlatformAsync(id, new PlatformRequest(Provider.Stripe))).Error,
        };

        Assert.All(results, e => Assert.IsType<ValidationError>(e));
        Assert.Empty(h.Handler.Requests);
    }

    [Fact]
    public async Task Create_without_email_is_rejected()
    {
        using var h = Harness.Create(_ => Responses.Customer());

        var result = await h.Customers.CreateAsync(new CreateCustomerRequest { FirstName = "Alice" });

        Assert.Equal("email", Assert.IsType<ValidationError>(result.Error).Field);
        Assert.Empty(h.Handler.Requests);
    }

    [Fact]
    public async Task Update_that_clears_email_is_rejected()
    {
        using var h = Harness.Create(_ => Responses.Customer());

        var result = await h.Customers.UpdateAsync(Id, new UpdateCustomerRequest { Email = null });

        Assert.IsType<ValidationError>(result.Error);
        Assert.Empty(h.Handler.Requests);
    }

    public static TheoryData<Provider[], SyncField[]> BadSyncs => new()
    {
        { [], [SyncField.Email] },
        { [Provider.Stripe, Provider.Bridge], [SyncField.Email] },
        { [Provider.Stripe], [] },
        { [Provider.Stripe], [SyncField.Email, SyncField.Email] },
    };

    [Theory]
    [MemberData(nameof(BadSyncs))]
    public async Task Sync_needs_exactly_one_provider_and_distinct_fields(Provider[] providers, SyncField[] fields)
    {
        using var h = Harness.Create(_ => Responses.Json(200, """{"msg":"ok","data":null}"""));

        var result = await h.Customers.SyncAsync(Id, new CustomerSyncRequest { Providers = providers, Fields = fields });

        Assert.IsType<ValidationError>(result.Error);
        Assert.Empty(h.Handler.Requests);
    }

    [Fact]
    public async Task Upload_of_a_file_over_5_MiB_is_rejected_before_any_request()
    {
        using var h = Harness.Create(_ => Responses.Envelope("[]", 201));

        var result = await h.Customers.UploadFilesAsync(Id,
        [
            new CustomerFileUpload("ok.pdf", new MemoryStream([1, 2])),
            new CustomerFileUpload("big.pdf", new MemoryStream(new byte[(5 * 1024 * 1024) + 1])),
        ]);

        Assert.Contains("5 MiB", Assert.IsType<ValidationError>(result.Error).Message);
        Assert.Empty(h.Handler.Requests);
    }

    [Fact]
    public async Task Upload_of_exactly_5_MiB_is_sent()
    {
        using var h = Harness.Create(_ => Responses.Envelope("[]", 201));

        var result = await h.Customers.UploadFilesAsync(Id, [new CustomerFileUpload("max.pdf", new MemoryStream(new byte[5 * 1024 * 1024]))]);

        Assert.True(result.Ok, result.Error?.ToString());
        Assert.Single(h.Handler.ApiRequests);
    }

    [Fact]
    public async Task Upload_of_an_empty_file_or_no_file_is_rejected()
    {
        using var h = Harness.Create(_ => Responses.Envelope("[]", 201));

        var empty = await h.Customers.UploadFilesAsync(Id, [new CustomerFileUpload("empty.pdf", new MemoryStream())]);
        var none = await h.Customers.UploadFilesAsync(Id, []);
        var mixedTypes = await h.Customers.UploadFilesAsync(Id,
        [
            new CustomerFileUpload("a.pdf", new MemoryStream([1])) { FileType = CustomerFileType.SsnBack },
            new CustomerFileUpload("b.pdf", new MemoryStream([1])) { FileType = CustomerFileType.SsnFront },
        ]);

        Assert.IsType<ValidationError>(empty.Error);
        Assert.IsType<ValidationError>(none.Error);
        Assert.IsType<ValidationError>(mixedTypes.Error);
        Assert.Empty(h.Handler.Requests);
    }

    [Fact]
    public async Task Overriding_the_authorization_header_is_rejected()
    {
        using var h = Harness.Create(_ => Responses.Customer());
        var options = new RequestOptions();
        options.Headers["Authorization"] = "Bearer stolen";

        var result = await h.Customers.GetAsync(Id, options);

        Assert.IsType<ValidationError>(result.Error);
        Assert.Empty(h.Handler.Requests);
    }

    [Fact]
    public async Task Extra_headers_from_request_options_are_sent()
    {
        using var h = Harness.Create(_ => Responses.Customer());
        var options = new RequestOptions();
        options.Headers["X-Trace"] = "abc";

        await h.Customers.GetAsync(Id, options);

        Assert.Equal("abc", Assert.Single(h.Handler.ApiRequests).Header("X-Trace"));
    }
}
