using OakNetwork.Payments.Tests.TestSupport;

namespace OakNetwork.Payments.Tests.Core;

/// <summary>Lenient parsing: both error envelopes, non-JSON bodies, invalid JSON on success, unknown values.</summary>
public class ResponseParsingTests
{
    private const string Id = Responses.CustomerId;

    [Fact]
    public async Task New_error_envelope_fills_code_reasons_headers_and_request_id()
    {
        using var h = Harness.Create(_ => Responses.Json(400, """
            {"msg":"Validation failed","data":null,"error_code":"validation_error",
             "failure_reasons":[{"code":"invalid_email","message":"Email is invalid","fields":["email"]},
                                {"code":"too_long","message":"Too long","fields":["address.city","first_name"]}]}
            """, ("X-Request-Id", "req-123")));

        var result = await h.Customers.CreateAsync(new CreateCustomerRequest { Email = "nope" });

        var error = Assert.IsType<ApiError>(result.Error);
        Assert.Equal(400, error.Status);
        Assert.Equal("Validation failed", error.Message);
        Assert.Equal("validation_error", error.ErrorCode);
        Assert.Equal("req-123", error.RequestId);
        Assert.Equal("req-123", error.Headers["x-request-id"]);
        Assert.Equal(2, error.FailureReasons.Count);
        Assert.Equal("invalid_email", error.FailureReasons[0].Code);
        Assert.Equal(["address.city", "first_name"], error.FailureReasons[1].Fields);
        Assert.Contains("\"error_code\"", error.RawBody);
    }

    [Fact]
    public async Task Old_error_envelope_has_message_only()
    {
        using var h = Harness.Create(_ => Responses.Json(404, """{"msg":"Resource not found","data":null}"""));

        var result = await h.Customers.GetAsync(Id);

        var error = Assert.IsType<ApiError>(result.Error);
        Assert.Equal(404, error.Status);
        Assert.Equal("Resource not found", error.Message);
        Assert.Null(error.ErrorCode);
        Assert.Empty(error.FailureReasons);
        Assert.Null(error.RequestId);
    }

    [Fact]
    public async Task Html_error_page_is_an_api_error_with_the_raw_text()
    {
        const string html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        using var h = Harness.Create(_ => Responses.Raw(502, html, "text/html"), o => o.Retry.MaxRetries = 0);

        var result = await h.Customers.GetAsync(Id);

        var error = Assert.IsType<ApiError>(result.Error);
        Assert.Equal(502, error.Status);
        Assert.Equal(html, error.RawBody);
        Assert.Equal("HTTP 502 Bad Gateway", error.Message);
        Assert.Equal("text/html; charset=utf-8", error.Headers["Content-Type"]);
    }

    [Fact]
    public async Task Ok_with_invalid_json_is_a_parse_error()
    {
        using var h = Harness.Create(_ => Responses.Raw(200, "{\"msg\":\"ok\",\"data\":{", "application/json"));

        var result = await h.Customers.GetAsync(Id);

        var error = Assert.IsType<ParseError>(result.Error);
        Assert.Equal(200, error.Status);
        Assert.Equal("{\"msg\":\"ok\",\"data\":{", error.RawBody);
        Assert.Single(h.Handler.ApiRequests);
    }

    [Fact]
    public async Task Ok_without_data_for_a_customer_is_a_parse_error()
    {
        using var h = Harness.Create(_ => Responses.Json(200, """{"msg":"ok","data":null}"""));

        Assert.IsType<ParseError>((await h.Customers.GetAsync(Id)).Error);
    }

    [Fact]
    public async Task Customer_parses_every_field()
    {
        using var h = Harness.Create(_ => Responses.Customer());

        var customer = (await h.Customers.GetAsync(Id)).EnsureOk().Data;

        Assert.Equal(Id, customer.CustomerId);
        Assert.Equal("alice@example.com", customer.Email);
        Assert.Equal(DocumentType.Passport, customer.DocumentType);
        Assert.Equal("1990-01-02", customer.Dob);
        Assert.Equal(5000, customer.MonthlyNetIncome);
        Assert.Equal(CustomerStatus.NotStarted, customer.Status);
        Assert.Equal("gold", customer.AdditionalInfo!.Value.GetProperty("tier").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), customer.CreatedAt);
        Assert.Equal(1, customer.Version);
        Assert.False(customer.Synced);
        Assert.Null(customer.SyncedAt);
        var platform = Assert.Single(customer.Platforms);
        Assert.Equal(Provider.Stripe, platform.Provider);
        Assert.Equal(RegistrationStatus.Submitted, platform.Status);
        Assert.DoesNotContain("alice", customer.ToString());
    }

    [Fact]
    public async Task Unknown_status_and_provider_values_parse()
    {
        using var h = Harness.Create(_ => Responses.Envelope($$"""
            {"id":"{{Id}}","customer_id":"{{Id}}","email":"a@x.com","status":"FROZEN_BY_REGULATOR",
             "platforms":[{"provider":"new_bank","target_role":"treasury","status":"on_hold"}]}
            """));

        var customer = (await h.Customers.GetAsync(Id)).EnsureOk().Data;

        Assert.Equal("FROZEN_BY_REGULATOR", customer.Status.Value);
        Assert.NotEqual(CustomerStatus.Approved, customer.Status);
        Assert.Equal("new_bank", customer.Platforms[0].Provider.Value);
        Assert.Equal("treasury", customer.Platforms[0].TargetRole.ToString());
        Assert.Equal("on_hold", customer.Platforms[0].Status.Value);
    }

    [Fact]
    public async Task Missing_optional_fields_and_unknown_fields_parse()
    {
        using var h = Harness.Create(_ => Responses.Envelope($$"""{"id":"{{Id}}","email":"a@x.com","status":"APPROVED","brand_new_field":{"x":1} }"""));

        var customer = (await h.Customers.GetAsync(Id)).EnsureOk().Data;

        Assert.Equal(CustomerStatus.Approved, customer.Status);
        Assert.Null(customer.FirstName);
        Assert.Null(customer.CreatedAt);
        Assert.Empty(customer.Platforms);
    }

    [Fact]
    public async Task Numbers_sent_as_strings_are_accepted()
    {
        using var h = Harness.Create(_ => Responses.Envelope($$"""{"id":"{{Id}}","email":"a@x.com","status":"APPROVED","monthly_net_income":"1200","version":"3"}"""));

        var customer = (await h.Customers.GetAsync(Id)).EnsureOk().Data;

        Assert.Equal(1200, customer.MonthlyNetIncome);
        Assert.Equal(3, customer.Version);
    }
}
