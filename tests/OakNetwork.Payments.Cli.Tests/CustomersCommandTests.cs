using System.Text.Json;
using System.Text.Json.Nodes;
using OakNetwork.Payments.Cli.Tests.TestSupport;

namespace OakNetwork.Payments.Cli.Tests;

/// <summary><c>oak customers create|get|list|update|sync|balance|platform</c> and <c>files upload|list</c>.</summary>
public sealed class CustomersCommandTests(CliFixture fixture) : IClassFixture<CliFixture>
{
    private static string NewEmail() => $"cli.{Guid.NewGuid():N}@example.com";

    private async Task<string> CreateAsync(IReadOnlyDictionary<string, string?>? environment = null, params string[] extra)
    {
        var run = await fixture.RunAsync(environment, ["customers", "create", "--email", NewEmail(), "--output", "json", .. extra]);
        return run.Json().GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Create_prints_a_table_with_the_new_customer()
    {
        var email = NewEmail();
        var run = await fixture.RunAsync("customers", "create", "--email", email, "--first-name", "Ana", "--country-code", "BR", "--monthly-net-income", "500000");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(email, run.Stdout);
        Assert.Contains("first_name", run.Stdout);
        Assert.Contains("Ana", run.Stdout);
        Assert.Contains("NOT_STARTED", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public async Task Create_with_json_output_prints_the_raw_data_with_every_field()
    {
        var email = NewEmail();
        var data = (await fixture.RunAsync(
            "customers", "create", "--email", email, "--first-name", "Ana", "--document-type", "CPF", "--document-number", "52998224725",
            "--dob", "1990-01-31", "--monthly-net-income", "123", "--additional-info", "{\"source\":\"cli\"}", "--output", "json")).Json();

        Assert.Equal(email, data.GetProperty("email").GetString());
        Assert.Equal("Ana", data.GetProperty("first_name").GetString());
        Assert.Equal("cpf", data.GetProperty("document_type").GetString());
        Assert.Equal("1990-01-31", data.GetProperty("dob").GetString());
        Assert.Equal(123, data.GetProperty("monthly_net_income").GetInt64());
        Assert.Equal("cli", data.GetProperty("additional_info").GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("last_name").ValueKind);
        Assert.Equal(data.GetProperty("id").GetString(), data.GetProperty("customer_id").GetString());
    }

    [Fact]
    public async Task Get_prints_the_customer_and_an_unknown_id_is_a_404_error()
    {
        var id = await CreateAsync();
        var data = (await fixture.RunAsync("customers", "get", id, "-o", "json")).Json();
        Assert.Equal(id, data.GetProperty("id").GetString());

        var table = await fixture.RunAsync("customers", "get", id);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains(id, table.Stdout);

        var missing = await fixture.RunAsync("customers", "get", Guid.NewGuid().ToString());
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("404", missing.Stderr);
        Assert.Contains("Resource not found", missing.Stderr);
        Assert.Equal("", missing.Stdout);
    }

    [Fact]
    public async Task Update_changes_fields_and_clear_sends_null()
    {
        var id = await CreateAsync(null, "--first-name", "Rui", "--phone-number", "912345678");
        var newEmail = NewEmail();

        var data = (await fixture.RunAsync("customers", "update", id, "--email", newEmail, "--last-name", "Costa", "--clear", "phone_number", "-o", "json")).Json();

        Assert.Equal(newEmail, data.GetProperty("email").GetString());
        Assert.Equal("Costa", data.GetProperty("last_name").GetString());
        Assert.Equal("Rui", data.GetProperty("first_name").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("phone_number").ValueKind);
        Assert.Equal(2, data.GetProperty("version").GetInt32());

        var nothing = await fixture.RunAsync("customers", "update", id);
        Assert.Equal(2, nothing.ExitCode);
        Assert.Contains("Nothing to update", nothing.Stderr);
    }

    [Fact]
    public async Task List_applies_filters_and_paging()
    {
        var environment = await fixture.NewMerchantEnvironmentAsync();
        var br1 = await CreateAsync(environment, "--country-code", "br", "--document-type", "cpf");
        var br2 = await CreateAsync(environment, "--country-code", "br", "--document-type", "passport");
        await CreateAsync(environment, "--country-code", "us");

        var brazil = (await fixture.RunAsync(environment, "customers", "list", "--country-code", "br", "-o", "json")).Json();
        Assert.Equal(2, brazil.GetProperty("count").GetInt32());
        Assert.Equal([br2, br1], brazil.GetProperty("customer_list").EnumerateArray().Select(c => c.GetProperty("id").GetString()));

        var passport = (await fixture.RunAsync(environment, "customers", "list", "--country-code", "br", "--document-type", "passport", "-o", "json")).Json();
        Assert.Equal(br2, Assert.Single(passport.GetProperty("customer_list").EnumerateArray()).GetProperty("id").GetString());

        var page = (await fixture.RunAsync(environment, "customers", "list", "--limit", "1", "--offset", "1", "-o", "json")).Json();
        Assert.Equal(3, page.GetProperty("count").GetInt32());
        Assert.Equal(br2, Assert.Single(page.GetProperty("customer_list").EnumerateArray()).GetProperty("id").GetString());

        var table = await fixture.RunAsync(environment, "customers", "list", "--limit", "2");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Showing 1-2 of 3.", table.Stdout);
    }

    [Fact]
    public async Task Sync_schedules_and_wait_reports_the_synced_customer()
    {
        var id = await CreateAsync(null, "--first-name", "Lia");

        var scheduled = await fixture.RunAsync("customers", "sync", id, "--provider", "stripe", "--fields", "email,first_name");
        Assert.Equal(0, scheduled.ExitCode);
        Assert.Contains("Sync scheduled", scheduled.Stdout);

        var data = (await fixture.RunAsync("customers", "sync", id, "--provider", "stripe", "--field", "last_name", "--wait", "-o", "json")).Json();
        Assert.True(data.GetProperty("synced").GetBoolean());
        Assert.Equal(JsonValueKind.String, data.GetProperty("synced_at").ValueKind);
    }

    [Fact]
    public async Task Platform_registers_and_balance_shows_the_totals()
    {
        var id = await CreateAsync();

        var registrations = (await fixture.RunAsync("customers", "platform", id, "--provider", "stripe", "--target-role", "connected_account", "--set", "business_type=individual", "-o", "json")).Json();
        var registration = Assert.Single(registrations.EnumerateArray());
        Assert.Equal("stripe", registration.GetProperty("provider").GetString());
        Assert.Equal("connected_account", registration.GetProperty("target_role").GetString());

        await fixture.AdminPostAsync($"_emulator/customers/{id}/balances", new JsonObject { ["provider"] = "stripe", ["role"] = "connected_account", ["currency"] = "brl", ["available"] = 900, ["pending"] = 100 });

        var balances = (await fixture.RunAsync("customers", "balance", id, "--provider", "stripe", "-o", "json")).Json();
        var totals = Assert.Single(balances.GetProperty("balances").EnumerateArray()).GetProperty("totals").EnumerateArray();
        var total = Assert.Single(totals, t => t.GetProperty("currency").GetString() == "brl");
        Assert.Equal(1000, total.GetProperty("amount").GetInt64());

        var table = await fixture.RunAsync("customers", "balance", id);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("brl", table.Stdout);
        Assert.Contains("1000", table.Stdout);
    }

    [Fact]
    public async Task Files_upload_two_files_then_list_them()
    {
        var id = await CreateAsync();
        var pdf = fixture.TempFile("id.pdf");
        var png = fixture.TempFile("face.png");
        await File.WriteAllTextAsync(pdf, "%PDF-1.4\n%%EOF\n");
        await File.WriteAllBytesAsync(png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);

        var uploaded = (await fixture.RunAsync("customers", "files", "upload", id, pdf, png, "--file-type", "PASSPORT", "-o", "json")).Json();
        Assert.Equal(2, uploaded.GetArrayLength());

        var listed = (await fixture.RunAsync("customers", "files", "list", id, "-o", "json")).Json();
        Assert.Equal(
            new[] { Path.GetFileName(pdf), Path.GetFileName(png) }.Order(),
            listed.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).Order());
        Assert.All(listed.EnumerateArray(), f => Assert.Equal("PASSPORT", f.GetProperty("file_type").GetString()));

        var table = await fixture.RunAsync("customers", "files", "list", id);
        Assert.Contains(Path.GetFileName(pdf), table.Stdout);
        Assert.Contains("2 file(s).", table.Stdout);

        var missing = await fixture.RunAsync("customers", "files", "upload", id, fixture.TempFile("nope.pdf"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("File not found", missing.Stderr);
    }
}
