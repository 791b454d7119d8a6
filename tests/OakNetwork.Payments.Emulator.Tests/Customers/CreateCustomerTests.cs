using System.Text.Json;
using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Customers;

public sealed class CreateCustomerTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly string[] AllFields =
    [
        "id", "customer_id", "email", "first_name", "last_name", "social_name", "document_number", "document_type", "tax_id",
        "dob", "gender", "phone_country_code", "phone_area_code", "phone_number", "country_code", "subdivision", "state", "city",
        "neighborhood", "street_name", "street_number", "house_number", "postal_code", "mother_name", "monthly_net_income",
        "company_name", "company_start_date", "owner_legal_name", "owner_document_number", "owner_document_type",
        "customer_wallet", "trading_wallet", "account_type", "additional_info", "status", "synced", "synced_at", "platforms",
        "version", "created_at", "updated_at",
    ];

    [Fact]
    public async Task Create_returns_200_with_every_field_present_and_normalized()
    {
        var email = $"Mixed.Case+{Guid.NewGuid():N}@Example.com";
        var reply = await fixture.Dev.PostAsync("/api/v1/customers", $$$"""
            {"email":"{{{email}}}","first_name":"Ana","document_type":"CPF","country_code":"BR","gender":"Female",
             "phone_country_code":"+55","phone_number":"11999998888","dob":"1990-05-17","monthly_net_income":5000,
             "additional_info":{"source":"test","nested":{"a":[1,2]} }}
            """);

        Expect.Success(reply);
        Assert.Equal("Customer created successfully", reply.Json.GetProperty("msg").GetString());
        var customer = reply.Data;
        Assert.Equal(AllFields, customer.EnumerateObject().Select(p => p.Name).ToArray());
        var id = customer.GetProperty("id").GetString()!;
        Assert.True(Guid.TryParseExact(id, "D", out _));
        Assert.Equal(id.ToLowerInvariant(), id);
        Assert.Equal(id, customer.GetProperty("customer_id").GetString());
        Assert.Equal(email, customer.GetProperty("email").GetString());
        Assert.Equal("cpf", customer.GetProperty("document_type").GetString());
        Assert.Equal("br", customer.GetProperty("country_code").GetString());
        Assert.Equal("female", customer.GetProperty("gender").GetString());
        Assert.Equal(5000, customer.GetProperty("monthly_net_income").GetInt64());
        Assert.Equal("test", customer.GetProperty("additional_info").GetProperty("source").GetString());
        Assert.Equal("NOT_STARTED", customer.GetProperty("status").GetString());
        Assert.False(customer.GetProperty("synced").GetBoolean());
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("synced_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("last_name").ValueKind);
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("customer_wallet").ValueKind);
        Assert.Equal(0, customer.GetProperty("platforms").GetArrayLength());
        Assert.Equal(1, customer.GetProperty("version").GetInt64());
        Assert.EndsWith("Z", customer.GetProperty("created_at").GetString());
        Assert.Equal(customer.GetProperty("created_at").GetString(), customer.GetProperty("updated_at").GetString());
    }

    [Fact]
    public async Task Create_with_an_email_already_used_by_the_merchant_in_another_case_is_400_customer_already_exists()
    {
        var email = $"dup{Guid.NewGuid():N}@example.com";
        await fixture.Dev.CreateCustomerAsync(email: email);

        var reply = await fixture.Dev.PostAsync("/api/v1/customers", JsonSerializer.Serialize(new { email = email.ToUpperInvariant() }));

        Expect.Error(reply, 400, "Customer already exists", "email");
    }

    [Fact]
    public async Task Concurrent_creates_with_one_email_let_exactly_one_succeed()
    {
        var body = JsonSerializer.Serialize(new { email = $"race{Guid.NewGuid():N}@example.com" });

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.Dev.PostAsync("/api/v1/customers", body)));

        Assert.Single(replies, r => r.Status == 200);
        Assert.All(replies.Where(r => r.Status != 200), r => Expect.Error(r, 400, "Customer already exists"));
    }

    [Fact]
    public async Task Unknown_fields_are_ignored()
    {
        var reply = await fixture.Dev.PostAsync("/api/v1/customers", $$$"""{"email":"u{{{Guid.NewGuid():N}}}@example.com","favourite_colour":"green","nested":{"x":1}}""");

        Expect.Success(reply);
        Assert.False(reply.Data.TryGetProperty("favourite_colour", out _));
    }

    [Theory]
    [InlineData("\"first_name\":\"Ana\"", "email", "required")]
    [InlineData("\"email\":null", "email", "required")]
    [InlineData("\"email\":\"not-an-email\"", "email", "invalid_format")]
    [InlineData("\"email\":\"a b@example.com\"", "email", "invalid_format")]
    [InlineData("\"email\":42", "email", "invalid_type")]
    public async Task Create_rejects_a_bad_email(string members, string field, string code)
    {
        var reply = await fixture.Dev.PostAsync("/api/v1/customers", "{" + members + "}");

        Expect.Error(reply, 400, null, field);
        Assert.Contains(reply.Json.GetProperty("failure_reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == code);
    }

    [Theory]
    [InlineData("first_name", "42", "invalid_type")]
    [InlineData("first_name", "\"a\\u0000b\"", "invalid_characters")]
    [InlineData("city", "\"line\\nbreak\"", "invalid_characters")]
    [InlineData("document_type", "\"driver_license\"", "invalid_value")]
    [InlineData("owner_document_type", "\"x\"", "invalid_value")]
    [InlineData("gender", "\"unknown\"", "invalid_value")]
    [InlineData("dob", "\"17/05/1990\"", "invalid_format")]
    [InlineData("dob", "\"1990-02-30\"", "invalid_format")]
    [InlineData("dob", "\"2999-01-01\"", "future_date")]
    [InlineData("company_start_date", "\"2999-01-01\"", "future_date")]
    [InlineData("phone_country_code", "\"55a\"", "invalid_format")]
    [InlineData("phone_area_code", "\"(11)\"", "invalid_format")]
    [InlineData("phone_number", "\"+5511\"", "invalid_format")]
    [InlineData("country_code", "\"BRA\"", "invalid_format")]
    [InlineData("country_code", "\"1\"", "invalid_format")]
    [InlineData("monthly_net_income", "-1", "invalid_type")]
    [InlineData("monthly_net_income", "\"5000\"", "invalid_type")]
    [InlineData("monthly_net_income", "1.5", "invalid_type")]
    [InlineData("monthly_net_income", "1e400", "invalid_type")]
    [InlineData("monthly_net_income", "99999999999999999999999999", "invalid_type")]
    [InlineData("additional_info", "[1,2]", "invalid_type")]
    [InlineData("additional_info", "\"text\"", "invalid_type")]
    public async Task Create_rejects_a_field_that_breaks_its_rule_naming_the_field(string field, string json, string code)
    {
        var reply = await fixture.Dev.PostAsync("/api/v1/customers", $$"""{"email":"v{{Guid.NewGuid():N}}@example.com","{{field}}":{{json}}}""");

        Expect.Error(reply, 400, "Validation failed", field);
        var reason = Assert.Single(reply.Json.GetProperty("failure_reasons").EnumerateArray());
        Assert.Equal(code, reason.GetProperty("code").GetString());
        Assert.Contains(field, reason.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Create_rejects_strings_longer_than_255_characters()
    {
        var reply = await fixture.Dev.PostAsync("/api/v1/customers", $$"""{"email":"l{{Guid.NewGuid():N}}@example.com","last_name":"{{new string('x', 256)}}","street_name":"{{new string('y', 10_000)}}"}""");

        Expect.Error(reply, 400, null, "last_name", "street_name");
        Assert.All(reply.Json.GetProperty("failure_reasons").EnumerateArray(), r => Assert.Equal("too_long", r.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Create_names_every_bad_field_at_once()
    {
        var reply = await fixture.Dev.PostAsync("/api/v1/customers", """{"email":"bad","gender":"x","dob":"nope","country_code":"123"}""");

        Expect.Error(reply, 400, null, "email", "gender", "dob", "country_code");
        Assert.Equal(4, reply.Json.GetProperty("failure_reasons").GetArrayLength());
    }

    [Fact]
    public async Task Create_accepts_null_for_optional_fields_and_255_characters()
    {
        var reply = await fixture.Dev.PostAsync("/api/v1/customers", $$"""{"email":"n{{Guid.NewGuid():N}}@example.com","first_name":null,"additional_info":null,"last_name":"{{new string('z', 255)}}"}""");

        Expect.Success(reply);
        Assert.Equal(255, reply.Data.GetProperty("last_name").GetString()!.Length);
    }
}
