using OakNetwork.Payments.Cli.Tests.TestSupport;

namespace OakNetwork.Payments.Cli.Tests;

/// <summary><c>oak demo</c>, <c>oak emulator</c>, and the errors a person must be able to act on.</summary>
public sealed class DemoAndErrorTests(CliFixture fixture) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task Demo_walks_the_lifecycle_and_exits_0()
    {
        var run = await fixture.RunAsync(new Dictionary<string, string?>(), "demo");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var step in new[] { "customers.create", "customers.get", "customers.list", "customers.update", "customers.sync", "wait for synced", "customers.platform", "admin: approve registration", "APPROVED", "admin: set balance", "customers.balance", "customers.files.upload", "customers.files.list" })
        {
            Assert.Contains(step, run.Stdout);
        }

        Assert.Contains("201", run.Stdout);
        Assert.Contains("All 13 steps passed", run.Stdout);
    }

    [Fact]
    public async Task Demo_with_data_keeps_the_store_in_that_file()
    {
        var data = fixture.TempFile("demo.db");
        var run = await fixture.RunAsync(new Dictionary<string, string?>(), "demo", "--data", data);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(data));
        Assert.Contains(data, run.Stdout);
    }

    [Fact]
    public async Task Missing_credentials_name_the_options_and_the_variables()
    {
        var run = await fixture.RunAsync(new Dictionary<string, string?>(), "customers", "list");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--client-id", run.Stderr);
        Assert.Contains("--client-secret", run.Stderr);
        Assert.Contains("OAK_CLIENT_ID", run.Stderr);
        Assert.Contains("OAK_CLIENT_SECRET", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);

        var secretOnly = await fixture.RunAsync(new Dictionary<string, string?> { ["OAK_CLIENT_ID"] = "someone" }, "customers", "list");
        Assert.Equal(2, secretOnly.ExitCode);
        Assert.Contains("OAK_CLIENT_SECRET", secretOnly.Stderr);
        Assert.DoesNotContain("the client id (", secretOnly.Stderr);
    }

    [Fact]
    public async Task Options_win_over_the_environment()
    {
        var environment = new Dictionary<string, string?> { ["OAK_BASE_URL"] = "http://127.0.0.1:9/", ["OAK_CLIENT_ID"] = "nobody", ["OAK_CLIENT_SECRET"] = "nothing" };
        var run = await fixture.RunAsync(
            environment,
            "customers", "list", "--base-url", fixture.Emulator.BaseUrl.ToString(), "--client-id", fixture.Emulator.ClientId, "--client-secret", fixture.Emulator.ClientSecret, "-o", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Json().TryGetProperty("count", out _));
    }

    [Fact]
    public async Task An_unreachable_server_is_named_by_its_url()
    {
        var environment = new Dictionary<string, string?> { ["OAK_BASE_URL"] = "http://127.0.0.1:9", ["OAK_CLIENT_ID"] = "id", ["OAK_CLIENT_SECRET"] = "secret" };
        var run = await fixture.RunAsync(environment, "customers", "get", Guid.NewGuid().ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("could not reach the Oak API at http://127.0.0.1:9/", run.Stderr);
        Assert.Contains("--base-url", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);

        var verbose = await fixture.RunAsync(environment, "customers", "get", Guid.NewGuid().ToString(), "--verbose");
        Assert.Contains("   at ", verbose.Stderr);
    }

    [Fact]
    public async Task Wrong_credentials_say_to_check_them()
    {
        var environment = fixture.DevEnvironment();
        environment["OAK_CLIENT_SECRET"] = "wrong";
        var run = await fixture.RunAsync(environment, "customers", "list");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("404", run.Stderr);
        Assert.Contains("Check the client id and secret", run.Stderr);
    }

    [Fact]
    public async Task An_api_validation_error_prints_status_message_and_each_reasons_fields()
    {
        var run = await fixture.RunAsync("customers", "create", "--email", "not-an-email", "--gender", "robot");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the API answered 400 (validation_error)", run.Stderr);
        Assert.Contains("  - email: ", run.Stderr);
        Assert.Contains("  - gender: ", run.Stderr);
        Assert.Contains("Request id: req_", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task Bad_usage_exits_2_with_a_message()
    {
        var unknown = await fixture.RunAsync("customers", "frobnicate");
        Assert.NotEqual(0, unknown.ExitCode);

        var badIncome = await fixture.RunAsync("customers", "create", "--email", "a@example.com", "--monthly-net-income", "lots");
        Assert.Equal(2, badIncome.ExitCode);
        Assert.Contains("--monthly-net-income", badIncome.Stderr);

        var badOutput = await fixture.RunAsync("customers", "list", "--output", "xml");
        Assert.NotEqual(0, badOutput.ExitCode);
    }

    [Fact]
    public async Task Emulator_command_serves_until_cancelled()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var synchronizedOut = TextWriter.Synchronized(stdout);
        var running = CliApp.RunAsync(["emulator", "--port", "0", "--in-memory"], synchronizedOut, TextWriter.Synchronized(stderr), _ => null, stop.Token);

        string? url = null;
        while (url is null && !running.IsCompleted)
        {
            await Task.Delay(50);
            string text;
            lock (synchronizedOut)
            {
                text = stdout.ToString();
            }

            var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("Oak emulator listening on ", StringComparison.Ordinal));
            url = line?["Oak emulator listening on ".Length..].Trim();
        }

        Assert.NotNull(url);
        var run = await fixture.RunAsync(
            new Dictionary<string, string?> { ["OAK_BASE_URL"] = url, ["OAK_CLIENT_ID"] = "oak-dev-client", ["OAK_CLIENT_SECRET"] = "oak-dev-secret" },
            "customers", "create", "--email", "emu@example.com", "-o", "json");
        Assert.Equal("emu@example.com", run.Json().GetProperty("email").GetString());

        await stop.CancelAsync();
        Assert.Equal(0, await running);
        Assert.Contains("Stopped.", stdout.ToString());
    }

    [Fact]
    public async Task Emulator_command_passes_postgres_through_to_the_emulator()
    {
        // Nothing listens on port 1: the emulator must try that server, fail to start, and say so.
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(
            ["emulator", "--port", "0", "--postgres", "Host=127.0.0.1;Port=1;Username=oak;Password=hunter2;Database=oak;Timeout=2"],
            stdout, stderr, _ => null, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains("could not start", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", stdout.ToString() + stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulator_command_refuses_two_stores()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["emulator", "--in-memory", "--postgres", "Host=127.0.0.1"], stdout, stderr, _ => null, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("--postgres", stderr.ToString(), StringComparison.Ordinal);
    }
}
