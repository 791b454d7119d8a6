using Npgsql;
using OakNetwork.Payments.Emulator.Hosting;

namespace OakNetwork.Payments.Emulator.Tests.Postgres;

/// <summary>How the PostgreSQL store is chosen: options, <c>--postgres</c>, <c>OAK_EMULATOR_POSTGRES</c>, the banner.</summary>
public sealed class PostgresSelectionTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static Func<string, string?> Environment(string? postgres) =>
        name => name == "OAK_EMULATOR_POSTGRES" ? postgres : null;

    [Fact]
    public void Postgres_is_chosen_by_the_option_or_the_environment_and_the_option_wins()
    {
        var (fromArgs, _, _) = EmulatorArguments.Parse(["--postgres", "Host=a;Database=x"], Environment(null));
        var (fromEnv, _, _) = EmulatorArguments.Parse([], Environment("Host=b;Database=y"));
        var (both, _, _) = EmulatorArguments.Parse(["--postgres=Host=a;Database=x"], Environment("Host=b;Database=y"));

        Assert.Equal("Host=a;Database=x", fromArgs!.PostgresConnectionString);
        Assert.Equal("Host=b;Database=y", fromEnv!.PostgresConnectionString);
        Assert.Equal("Host=a;Database=x", both!.PostgresConnectionString);
    }

    [Fact]
    public void Postgres_with_a_sqlite_option_is_an_error_but_an_explicit_sqlite_choice_overrides_the_environment()
    {
        var (_, error, _) = EmulatorArguments.Parse(["--postgres", "Host=a", "--in-memory"], Environment(null));
        var (_, missing, _) = EmulatorArguments.Parse(["--postgres"], Environment(null));
        var (sqlite, _, _) = EmulatorArguments.Parse(["--data", "x.db"], Environment("Host=b"));

        Assert.Equal("--postgres cannot be combined with --data or --in-memory", error);
        Assert.Equal("--postgres needs a connection string", missing);
        Assert.Null(sqlite!.PostgresConnectionString);
        Assert.Contains("--postgres", EmulatorArguments.Usage, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task RunAsync_with_postgres_prints_the_server_and_database_but_never_the_password()
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = "pw-never-printed" }.ConnectionString;
        var output = new StringWriter();
        var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = EmulatorProgram.RunAsync(["--port", "0", "--postgres", connection], output, error, stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!output.ToString().Contains("Press Ctrl+C", StringComparison.Ordinal) && !run.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
        var text = output.ToString();
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        Assert.Contains($"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-never-printed", text + error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task An_unreachable_server_fails_the_start_with_exit_code_1()
    {
        var error = new StringWriter();
        var code = await EmulatorProgram.RunAsync(["--port", "0", "--postgres", "Host=127.0.0.1;Port=1;Username=x;Password=pw-secret;Timeout=2"], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains("could not start", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pw-secret", error.ToString(), StringComparison.Ordinal);
    }
}
