using System.Diagnostics;
using System.Text;
using OakNetwork.Payments.Cli.Import;
using OakNetwork.Payments.Cli.Tests.TestSupport;

namespace OakNetwork.Payments.Cli.Tests;

/// <summary><c>oak customers import</c> and <c>oak customers export</c>, each test on a merchant of its own.</summary>
public sealed class ImportExportTests(CliFixture fixture) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task Import_creates_good_rows_rejects_bad_ones_and_a_rerun_creates_no_duplicates()
    {
        var environment = await fixture.NewMerchantEnvironmentAsync();
        using var client = CliFixture.ClientFor(environment);
        (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "existing@example.com" })).EnsureOk();

        var csv = fixture.TempFile("customers.csv");
        var rejects = fixture.TempFile("rejects.csv");
        await File.WriteAllTextAsync(csv, string.Join("\r\n",
            "email,first_name,last_name,country_code,monthly_net_income,additional_info",
            "ana@example.com,Ana,\"Souza, Jr.\",br,1000,",
            "bia@example.com,Bia,Ribeiro,br,,\"{\"\"tier\"\":\n 1}\"",
            "caio@example.com,Caio,Lima,us,,",
            "EXISTING@example.com,Old,Timer,br,,",
            "not-an-email,Bad,Email,br,,",
            "dan@example.com,Dan,Income,br,lots,",
            "eve@example.com,Eve,Short",
            "fay@example.com,Fay,\"Line one\nline two\",br,,",
            "") + "\r\n");

        var first = await fixture.RunAsync(environment, "customers", "import", csv, "--rejects", rejects, "--concurrency", "3", "-o", "json");

        Assert.Equal(1, first.ExitCode);
        var summary = System.Text.Json.JsonDocument.Parse(first.Stdout).RootElement;
        Assert.Equal(8, summary.GetProperty("rows").GetInt32());
        Assert.Equal(3, summary.GetProperty("created").GetInt32());
        Assert.Equal(1, summary.GetProperty("already_existed").GetInt32());
        Assert.Equal(4, summary.GetProperty("rejected").GetInt32());
        Assert.Equal(Path.GetFullPath(rejects), summary.GetProperty("rejects_file").GetString());

        var rejected = ReadCsv(rejects);
        Assert.Equal(["row", "email", "first_name", "last_name", "country_code", "monthly_net_income", "additional_info", "reason"], rejected[0]);
        var byRow = rejected.Skip(1).ToDictionary(r => r[0]);
        Assert.Equal(["5", "6", "7", "8"], byRow.Keys.Order());
        Assert.Equal("not-an-email", byRow["5"][1]);
        Assert.Contains("400", byRow["5"][^1]);
        Assert.Contains("email", byRow["5"][^1]);
        Assert.Contains("monthly_net_income must be a whole number", byRow["6"][^1]);
        Assert.Contains("3 field(s), but the header has 6", byRow["7"][^1]);
        Assert.Equal("Line one\nline two", byRow["8"][3]); // a quoted line break survives into the rejects file
        Assert.Contains("last_name", byRow["8"][^1]);

        var ana = (await client.Customers.ListAsync(new CustomerListQuery { Email = "ana@example.com" })).EnsureOk().Data.CustomerList.Single();
        Assert.Equal("Souza, Jr.", ana.LastName);
        Assert.Equal(1000, ana.MonthlyNetIncome);
        var bia = (await client.Customers.ListAsync(new CustomerListQuery { Email = "bia@example.com" })).EnsureOk().Data.CustomerList.Single();
        Assert.Equal("Ribeiro", bia.LastName);
        Assert.Equal(1, bia.AdditionalInfo!.Value.GetProperty("tier").GetInt32());

        // The same file again: every good row is replayed or already there, nothing is created twice.
        var second = await fixture.RunAsync(environment, "customers", "import", csv, "--rejects", rejects, "-o", "json");
        var again = System.Text.Json.JsonDocument.Parse(second.Stdout).RootElement;
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(4, again.GetProperty("already_existed").GetInt32());
        Assert.Equal(4, again.GetProperty("rejected").GetInt32());
        Assert.Equal(4, (await client.Customers.ListAsync(new CustomerListQuery { Limit = 1 })).EnsureOk().Data.Count);

        // The table summary names each count and the rejects file.
        var table = await fixture.RunAsync(environment, "customers", "import", csv, "--rejects", rejects);
        Assert.Contains("Already existed", table.Stdout);
        Assert.Contains("Rejected", table.Stdout);
        Assert.Contains(Path.GetFullPath(rejects), table.Stdout);
    }

    [Fact]
    public async Task Import_refuses_a_header_that_names_no_customer_field()
    {
        var csv = fixture.TempFile("bad-header.csv");
        await File.WriteAllTextAsync(csv, "email,nickname\nx@example.com,X\n");

        var run = await fixture.RunAsync("customers", "import", csv);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'nickname'", run.Stderr);
        Assert.Contains("first_name", run.Stderr);
    }

    [Fact]
    public async Task Import_of_10000_rows_creates_each_customer_once()
    {
        var environment = await fixture.NewMerchantEnvironmentAsync();
        var csv = fixture.TempFile("ten-thousand.csv");
        var text = new StringBuilder("email,first_name,last_name,country_code\n");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("bulk").Append(i).Append("@example.com,First").Append(i).Append(",\"Last, ").Append(i).Append("\",br\n");
        }

        await File.WriteAllTextAsync(csv, text.ToString());
        var stopwatch = Stopwatch.StartNew();

        var run = await fixture.RunAsync(environment, "customers", "import", csv, "-o", "json");

        var summary = run.Json();
        Assert.Equal(10_000, summary.GetProperty("created").GetInt32());
        Assert.Equal(0, summary.GetProperty("rejected").GetInt32());
        Assert.Equal(0, summary.GetProperty("failed").GetInt32());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(90), $"the import took {stopwatch.Elapsed}");

        using var client = CliFixture.ClientFor(environment);
        Assert.Equal(10_000, (await client.Customers.ListAsync(new CustomerListQuery { Limit = 1 })).EnsureOk().Data.Count);
        var emails = new HashSet<string>();
        await foreach (var customer in client.Customers.ListAutoPagingAsync())
        {
            Assert.True(emails.Add(customer.Email!), $"{customer.Email} twice");
        }

        Assert.Equal(10_000, emails.Count);
        Assert.Contains("bulk9999@example.com", emails);
    }

    [Fact]
    public async Task Export_writes_every_matching_customer_as_csv_or_json()
    {
        var environment = await fixture.NewMerchantEnvironmentAsync();
        using var client = CliFixture.ClientFor(environment);
        for (var i = 0; i < 5; i++)
        {
            (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = $"exp{i}@example.com", LastName = $"O'Neil, \"{i}\"", CountryCode = i < 3 ? "br" : "us" })).EnsureOk();
        }

        var csv = await fixture.RunAsync(environment, "customers", "export", "--page-size", "2");
        Assert.Equal(0, csv.ExitCode);
        var records = ReadCsvText(csv.Stdout);
        Assert.Equal("id", records[0][0]);
        var lastName = Array.IndexOf(records[0].ToArray(), "last_name");
        Assert.Equal(5, records.Count - 1);
        Assert.Contains(records.Skip(1), r => r[lastName] == "O'Neil, \"4\"");

        var brOnly = ReadCsvText((await fixture.RunAsync(environment, "customers", "export", "--country-code", "br")).Stdout);
        Assert.Equal(3, brOnly.Count - 1);

        var file = fixture.TempFile("export.json");
        var json = await fixture.RunAsync(environment, "customers", "export", "--format", "json", "--out", file, "--page-size", "3");
        Assert.Equal(0, json.ExitCode);
        Assert.Contains("Exported 5 customers", json.Stdout);
        var array = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement;
        Assert.Equal(5, array.GetArrayLength());
        Assert.Equal(
            Enumerable.Range(0, 5).Select(i => $"exp{i}@example.com").Order(),
            array.EnumerateArray().Select(c => c.GetProperty("email").GetString()!).Order());

        var empty = await fixture.RunAsync(environment, "customers", "export", "--format", "json", "--email", "nobody@example.com");
        Assert.Equal(0, System.Text.Json.JsonDocument.Parse(empty.Stdout).RootElement.GetArrayLength());
    }

    private static List<IReadOnlyList<string>> ReadCsv(string path) => ReadCsvText(File.ReadAllText(path));

    private static List<IReadOnlyList<string>> ReadCsvText(string text) => new CsvReader(new StringReader(text)).ReadAll().ToList();
}
