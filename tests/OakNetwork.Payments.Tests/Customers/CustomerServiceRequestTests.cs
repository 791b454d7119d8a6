using System.Text.Json;
using OakNetwork.Payments.Tests.TestSupport;

namespace OakNetwork.Payments.Tests.Customers;

/// <summary>Each of the nine operations sends exactly the contract's method, path, query, headers and body.</summary>
public class CustomerServiceRequestTests
{
    private const string Id = Responses.CustomerId;

    private static readonly string Version = typeof(OakClient).Assembly.GetName().Version!.ToString(3);

    [Fact]
    public async Task Create_posts_the_set_fields_as_snake_case_json_with_client_headers()
    {
        using var h = Harness.Create(_ => Responses.Customer());

        var result = await h.Customers.CreateAsync(new CreateCustomerRequest
        {
            Email = "alice@example.com", FirstName = "Alice", LastName = "Smith", CountryCode = "US",
            DocumentType = DocumentType.Passport, MonthlyNetIncome = 5000,
        });

        Assert.True(result.Ok, result.Error?.ToString());
        Assert.Equal(Id, result.Value.Data.Id);
        var sent = Assert.Single(h.Handler.ApiRequests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/api/v1/customers", sent.PathAndQuery);
        Assert.Equal(
            """{"email":"alice@example.com","first_name":"Alice","last_name":"Smith","document_type":"passport","country_code":"US","monthly_net_income":5000}""",
            sent.BodyText);
        Assert.Equal("application/json; charset=utf-8", sent.Header("Content-Type"));
        Assert.Equal("Bearer token-1", sent.Header("Authorization"));
        Assert.Equal("oak-payments-dotnet/" + Version, sent.Header("User-Agent"));
        Assert.Equal(Version, sent.Header("Oak-Version"));
        Assert.True(Guid.TryParse(sent.Header("Idempotency-Key"), out _));
    }

    [Fact]
    public async Task Get_sends_a_get_to_the_customer_path_without_body_or_idempotency_key()
    {
        using var h = Harness.Create(_ => Responses.Customer());

        var result = await h.Customers.GetAsync(Id);

        Assert.True(result.Ok);
        var sent = Assert.Single(h.Handler.ApiRequests);
        Assert.Equal("GET", sent.Method);
        Assert.Equal($"/api/v1/customers/{Id}", sent.PathAndQuery);
        Assert.Empty(sent.Body);
        Assert.Null(sent.Header("Idempotency-Key"));
        Assert.Equal("Bearer token-1", sent.Header("Authorization"));
    }

    [Fact]
    public async Task Path_segments_are_url_escaped()
    {
        using var h = Harness.Create(_ => Responses.Customer());

        await h.Customers.GetAsync("a/b c?d");

        Assert.Equal("/api/v1/customers/a%2Fb%20c%3Fd", Assert.Single(h.Handler.ApiRequests).PathAndQuery);
    }

    [Fact]
    public async Task List_with_limit_and_offset_sends_them_in_the_query()
    {
        using var h = Harness.Create(_ => Responses.Envelope($$"""{"count":42,"customer_list":[{{Responses.CustomerJson}}]}"""));

        var result = await h.Customers.ListAsync(new CustomerListQuery { Limit = 10, Offset = 5 });

        Assert.True(result.Ok);
        Assert.Equal(42, result.Value.Data.Count);
        Assert.Single(result.Value.Data.CustomerList);
        var sent = Assert.Single(h.Handler.ApiRequests);
        Assert.Equal("GET", sent.Method);
        Assert.Equal("/api/v1/customers?limit=10&offset=5", sent.PathAndQuery);
    }

    [Fact]
    public async Task List_without_query_sends_no_query_string()
    {
        using var h = Harness.Create(_ => Responses.Envelope("""{"count":0,"customer_list":[]}"""));

        await h.Customers.ListAsync();

        Assert.Equal("/api/v1/customers", Assert.Single(h.Handler.ApiRequests).Uri.PathAndQuery);
    }

    [Fact]
    public async Task List_sends_every_filter_in_contract_order_escaped()
    {
        using var h = Harness.Create(_ => Responses.Envelope("""{"count":0,"customer_list":[]}"""));

        await h.Customers.ListAsync(new CustomerListQuery
        {
            Limit = 100, Offset = 0, Email = "a@x.com,b@x.com", CountryCode = "us", DocumentType = "passport",
            Provider = "stripe", ProviderRegistrationStatus = "approved", TargetRole = "customer", Strict = true,
        });

        Assert.Equal(
            "?limit=100&offset=0&email=a%40x.com%2Cb%40x.com&country_code=us&document_type=passport&provider=stripe"
            + "&provider_registration_status=approved&target_role=customer&strict=true",
            Assert.Single(h.Handler.ApiRequests).Query);
    }

    [Fact]
    public async Task Update_puts_only_the_set_fields_and_explicit_nulls()
    {
        using var h = Harness.Create(_ => Responses.Customer());

        var result = await h.Customers.UpdateAsync(Id, new UpdateCustomerRequest { FirstName = "Bob", PhoneNumber = null });

        Assert.True(result.Ok);
        var sent = Assert.Single(h.Handler.ApiRequests);
        Assert.Equal("PUT", sent.Method);
        Assert.Equal($"/api/v1/customers/{Id}", sent.PathAndQuery);
        Assert.Equal("""{"first_name":"Bob","phone_number":null}""", sent.BodyText);
        Assert.Null(sent.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Sync_posts_providers_and_fields_and_accepts_null_data()
    {
        using var h = Harness.Create(_ => Responses.Json(200, """{"msg":"Sync scheduled","data":null}"""));

        var result = await h.Customers.SyncAsync(Id, new CustomerSyncRequest
        {
            Providers = [Provider.Stripe], Fields = [SyncField.Email, SyncField.FirstName],
        });

        Assert.True(result.Ok, result.Error?.ToString());
        Assert.Equal("Sync scheduled", result.Value.Msg);
        Assert.Null(result.Value.Data);
        var sent = Assert.Single(h.Handler.ApiRequests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal($"/api/v1/customers/{Id}/sync", sent.PathAndQuery);
        Assert.Equal("""{"providers":["stripe"],"fields":["email","first_name"]}""", sent.BodyText);
        Assert.NotNull(sent.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Balance_sends_provider_and_role_and_parses_totals()
    {
        using var h = Harness.Create(_ => Responses.Envelope($$"""
            {"as_of":"2026-11-26T10:00:00Z","filters":{"customer_id":"{{Id}}","provider":"stripe","role":"customer"},
             "balances":[{"account_id":"acct_1","provider":"stripe","customer":{"id":"{{Id}}","role":"customer"},
               "as_of":"2026-11-26T10:00:00Z","totals":[{"currency":"usd","amount":1500,"available":1000,"pending":500,
               "reserved":0,"instant_payouts":0}]}]}
            """));

        var result = await h.Customers.BalanceAsync(Id, new BalanceFilter { Provider = "stripe", Role = "customer" });

        var sent = Assert.Single(h.Handler.ApiRequests);
        Assert.Equal("GET", sent.Method);
        Assert.Equal($"/api/v1/customers/{Id}/balances?provider=stripe&role=customer", sent.PathAndQuery);
        var balance = Assert.Single(result.EnsureOk().Data.Balances);
        Assert.Equal(Provider.Stripe, balance.Provider);
        Assert.Equal(TargetRole.Customer, balance.Customer!.Role);
        var total = Assert.Single(balance.Totals);
        Assert.Equal((1500, 1000, 500, "usd"), (total.Amount, total.Available, total.Pending, total.Currency));
        Assert.Equal(Id, result.Value.Data.Filters!.CustomerId);
    }

    [Fact]
    public async Task Balance_without_filter_sends_no_query_string()
    {
        using var h = Harness.Create(_ => Responses.Envelope("""{"as_of":null,"filters":null,"balances":[]}"""));

        var result = await h.Customers.BalanceAsync(Id);

        Assert.True(result.Ok);
        Assert.Equal($"/api/v1/customers/{Id}/balances", Assert.Single(h.Handler.ApiRequests).PathAndQuery);
    }

    [Fact]
    public async Task Upload_sends_multipart_file_parts_and_one_file_type_part()
    {
        using var h = Harness.Create(_ => Responses.Envelope(
            """[{"id":"file_1","name":"passport.pdf","file_type":"PASSPORT","fileType":"PASSPORT","content_type":"application/pdf","size":8,"sha256":"ab","url":"https://files.test/1","created_at":"2026-11-26T10:00:00Z"}]""",
            201));

        var result = await h.Customers.UploadFilesAsync(Id,
        [
            new CustomerFileUpload("passport.pdf", new MemoryStream("%PDF-1.4"u8.ToArray())) { ContentType = "application/pdf", FileType = CustomerFileType.Passport },
            new CustomerFileUpload("back.png", new MemoryStream([0x89, 0x50, 0x4E, 0x47])) { FileType = CustomerFileType.Passport },
        ]);

        Assert.True(result.Ok, result.Error?.ToString());
        Assert.Equal(CustomerFileType.Passport, Assert.Single(result.Value.Data).FileType);
        var sent = Assert.Single(h.Handler.ApiRequests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal($"/api/v1/customers/{Id}/files", sent.PathAndQuery);
        Assert.StartsWith("multipart/form-data; boundary=", sent.Header("Content-Type"));
        Assert.NotNull(sent.Header("Idempotency-Key"));
        var body = sent.BodyText;
        Assert.Contains("name=file; filename=passport.pdf", body);
        Assert.Contains("name=file; filename=back.png", body);
        Assert.Contains("Content-Type: application/pdf", body);
        Assert.Contains("Content-Type: application/octet-stream", body);
        Assert.Contains("%PDF-1.4", body);
        Assert.Contains("name=file_type\r\n\r\nPASSPORT", body);
        Assert.Equal(1, CountOf(body, "name=file_type"));
    }

    [Fact]
    public async Task Upload_with_null_data_is_an_empty_list()
    {
        using var h = Harness.Create(_ => Responses.Json(201, """{"msg":"file upload successful","data":null}"""));

        var result = await h.Customers.UploadFilesAsync(Id, [new CustomerFileUpload("a.pdf", new MemoryStream([1, 2, 3]))]);

        Assert.True(result.Ok, result.Error?.ToString());
        Assert.Empty(result.Value.Data);
        Assert.DoesNotContain("name=file_type", Assert.Single(h.Handler.ApiRequests).BodyText);
    }

    [Fact]
    public async Task Upload_resends_the_same_file_bytes_on_retry()
    {
        using var h = Harness.Sequence(
            () => Responses.Error(503, "Provider unavailable", "provider_unavailable"),
            () => Responses.Json(201, """{"msg":"file upload successful","data":null}"""));
        var stream = new MemoryStream("%PDF-1.7 retry me"u8.ToArray());

        var result = await h.Customers.UploadFilesAsync(Id, [new CustomerFileUpload("a.pdf", stream)]);

        Assert.True(result.Ok, result.Error?.ToString());
        Assert.Equal(2, h.Handler.ApiRequests.Count);
        Assert.All(h.Handler.ApiRequests, r => Assert.Contains("%PDF-1.7 retry me", r.BodyText));
    }

    [Fact]
    public async Task Get_files_reads_both_file_type_spellings()
    {
        using var h = Harness.Create(_ => Responses.Envelope("""
            [{"id":"f2","name":"b.png","fileType":"SSN_BACK","content_type":"image/png","size":4,"sha256":"cd","url":null,"created_at":"2026-11-26T10:00:00Z"},
             {"id":"f1","name":"a.pdf","file_type":"SSN_FRONT","content_type":"application/pdf","size":8}]
            """));

        var result = await h.Customers.GetFilesAsync(Id);

        var sent = Assert.Single(h.Handler.ApiRequests);
        Assert.Equal("GET", sent.Method);
        Assert.Equal($"/api/v1/customers/{Id}/files", sent.PathAndQuery);
        var files = result.EnsureOk().Data;
        Assert.Equal([CustomerFileType.SsnBack, CustomerFileType.SsnFront], files.Select(f => f.FileType!.Value));
        Assert.Null(files[1].CreatedAt);
    }

    [Fact]
    public async Task Populate_platform_posts_provider_role_and_provider_specific_keys()
    {
        using var h = Harness.Create(_ => Responses.Envelope("""
            [{"provider":"stripe","target_role":"customer","status":"submitted","readiness":{"score":1},"rejection_reason":null,
              "action_required":null,"created_at":"2026-11-26T10:00:00Z","updated_at":"2026-11-26T10:00:00Z"}]
            """));
        var request = new PlatformRequest(Provider.Stripe, TargetRole.Customer)
            .Set("business_type", "individual")
            .Set("tos_accepted", true)
            .Set("address", JsonDocument.Parse("""{"line1":"1 Market"}""").RootElement);

        var result = await h.Customers.PopulatePlatformAsync(Id, request);

        var sent = Assert.Single(h.Handler.ApiRequests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal($"/api/v1/customers/{Id}/platforms", sent.PathAndQuery);
        Assert.Equal(
            """{"provider":"stripe","target_role":"customer","business_type":"individual","tos_accepted":true,"address":{"line1":"1 Market"}}""",
            sent.BodyText);
        var registration = Assert.Single(result.EnsureOk().Data);
        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
        Assert.Equal(1, registration.Readiness!.Value.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Populate_platform_without_role_does_not_send_target_role()
    {
        using var h = Harness.Create(_ => Responses.Envelope("[]"));

        await h.Customers.PopulatePlatformAsync(Id, new PlatformRequest { Provider = "bridge" });

        Assert.Equal("""{"provider":"bridge"}""", Assert.Single(h.Handler.ApiRequests).BodyText);
    }

    [Fact]
    public async Task Auto_paging_walks_every_page_by_offset()
    {
        using var h = Harness.Create(r =>
        {
            var offset = int.Parse(System.Web.HttpUtility.ParseQueryString(r.Query)["offset"]!, System.Globalization.CultureInfo.InvariantCulture);
            var items = Enumerable.Range(offset, Math.Max(0, Math.Min(2, 5 - offset)))
                .Select(i => $$"""{"id":"c{{i}}","customer_id":"c{{i}}","email":"c{{i}}@x.com","status":"APPROVED"}""");
            return Responses.Envelope($$"""{"count":5,"customer_list":[{{string.Join(",", items)}}]}""");
        });

        var ids = new List<string?>();
        await foreach (var customer in h.Customers.ListAutoPagingAsync(new CustomerListQuery { Limit = 2, Email = "x" }))
        {
            ids.Add(customer.Id);
        }

        Assert.Equal(["c0", "c1", "c2", "c3", "c4"], ids);
        Assert.Equal(
            ["?limit=2&offset=0&email=x", "?limit=2&offset=2&email=x", "?limit=2&offset=4&email=x"],
            h.Handler.ApiRequests.Select(r => r.Query));
    }

    [Fact]
    public async Task Auto_paging_without_a_total_stops_at_a_short_page()
    {
        var pages = new[] { """[{"id":"a"},{"id":"b"}]""", """[{"id":"c"}]""" };
        var index = 0;
        using var h = Harness.Create(_ => Responses.Envelope($$"""{"customer_list":{{pages[index++]}} }"""));

        var ids = new List<string?>();
        await foreach (var customer in h.Customers.ListAutoPagingAsync(new CustomerListQuery { Limit = 2 }))
        {
            ids.Add(customer.Id);
        }

        Assert.Equal(["a", "b", "c"], ids);
        Assert.Equal(2, h.Handler.ApiRequests.Count);
    }

    [Fact]
    public async Task Auto_paging_throws_OakException_when_a_page_fails()
    {
        using var h = Harness.Create(_ => Responses.Error(404, "Resource not found", "not_found"));

        var ex = await Assert.ThrowsAsync<OakException>(async () =>
        {
            await foreach (var _ in h.Customers.ListAutoPagingAsync())
            {
            }
        });

        Assert.Equal(404, Assert.IsType<ApiError>(ex.Error).Status);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
