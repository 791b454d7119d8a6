using OakNetwork.Payments.Emulator.Hosting;

namespace OakNetwork.Payments.Emulator.Tests.Hosting;

public sealed class EmulatorProgramTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void No_arguments_mean_the_documented_defaults()
    {
        var (options, error, help) = EmulatorArguments.Parse([], NoEnvironment);

        Assert.Null(error);
        Assert.False(help);
        Assert.NotNull(options);
        Assert.Null(options.Urls);
        Assert.Null(options.Port);
        Assert.Null(options.DataPath);
        Assert.False(options.InMemory);
        Assert.Equal("oak-dev-client", options.ClientId);
        Assert.Equal("oak-dev-secret", options.ClientSecret);
        Assert.Equal("http://127.0.0.1:5080", EmulatorOptions.DefaultUrl);
        Assert.Equal(".oak/emulator.db", EmulatorOptions.DefaultDataPath);
    }

    [Fact]
    public void Every_option_is_parsed_in_both_spellings()
    {
        var (options, error, _) = EmulatorArguments.Parse(
            ["--urls", "http://0.0.0.0:7000", "--port=0", "--data", "x/y.db", "--in-memory", "--client-id=me", "--client-secret", "shh"], NoEnvironment);

        Assert.Null(error);
        Assert.Equal("http://0.0.0.0:7000", options!.Urls);
        Assert.Equal(0, options.Port);
        Assert.Equal("x/y.db", options.DataPath);
        Assert.True(options.InMemory);
        Assert.Equal("me", options.ClientId);
        Assert.Equal("shh", options.ClientSecret);
    }

    [Fact]
    public void Environment_variables_set_the_credentials_and_arguments_win()
    {
        var environment = new Dictionary<string, string> { ["OAK_EMULATOR_CLIENT_ID"] = "env-id", ["OAK_EMULATOR_CLIENT_SECRET"] = "env-secret" };

        var fromEnvironment = EmulatorArguments.Parse([], name => environment.GetValueOrDefault(name)).Options!;
        var overridden = EmulatorArguments.Parse(["--client-id", "arg-id"], name => environment.GetValueOrDefault(name)).Options!;

        Assert.Equal(("env-id", "env-secret"), (fromEnvironment.ClientId, fromEnvironment.ClientSecret));
        Assert.Equal(("arg-id", "env-secret"), (overridden.ClientId, overridden.ClientSecret));
    }

    [Theory]
    [InlineData("--port", "x")]
    [InlineData("--port", "70000")]
    [InlineData("--bogus")]
    [InlineData("--data")]
    public void Bad_arguments_are_reported(params string[] args)
    {
        var (options, error, _) = EmulatorArguments.Parse(args, NoEnvironment);

        Assert.Null(options);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public async Task RunAsync_prints_url_data_and_credentials_serves_requests_and_stops_on_cancellation()
    {
        var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = EmulatorProgram.RunAsync(["--port", "0", "--in-memory"], output, TextWriter.Null, stop.Token);

        string? url = null;
        for (var i = 0; i < 200 && url is null; i++)
        {
            await Task.Delay(25);
            url = output.ToString().Split('\n').FirstOrDefault(l => l.StartsWith("Oak emulator listening on ", StringComparison.Ordinal))?["Oak emulator listening on ".Length..].Trim();
        }

        Assert.NotNull(url);
        using (var http = new HttpClient { BaseAddress = new Uri(url) })
        {
            var reply = await http.PostAsync("/api/v1/merchant/token/grant", new StringContent("""{"client_id":"oak-dev-client","client_secret":"oak-dev-secret","grant_type":"client_credentials"}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(200, (int)reply.StatusCode);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
        var text = output.ToString();
        Assert.Contains("oak-dev-client", text);
        Assert.Contains("oak-dev-secret", text);
        Assert.Contains("in memory", text);
        Assert.Contains("Stopped.", text);
    }

    [Fact]
    public async Task RunAsync_with_bad_arguments_returns_2_and_help_returns_0()
    {
        var error = new StringWriter();

        Assert.Equal(2, await EmulatorProgram.RunAsync(["--nope"], TextWriter.Null, error, CancellationToken.None));
        Assert.Contains("Unknown option --nope", error.ToString());
        Assert.Equal(0, await EmulatorProgram.RunAsync(["--help"], TextWriter.Null, TextWriter.Null, CancellationToken.None));
    }

    [Fact]
    public async Task The_default_data_file_is_created_with_its_folder_under_the_working_directory()
    {
        var folder = Path.Combine(Path.GetTempPath(), "oak-emulator-cwd-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var expected = Path.Combine(folder, ".oak", "emulator.db");
        try
        {
            await using var emulator = await OakEmulator.StartAsync(new EmulatorOptions { Port = 0, DataPath = Path.Combine(folder, EmulatorOptions.DefaultDataPath), LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning });

            Assert.Equal(expected, emulator.DataPath);
            Assert.True(File.Exists(expected));
            Assert.True(emulator.BaseUrl.IsLoopback);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_malformed_postgres_connection_string_is_refused_without_repeating_it()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => OakEmulator.StartAsync(new EmulatorOptions { Port = 0, PostgresConnectionString = "Host=x;Password=hunter2;Bogus Key=1" }));
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
