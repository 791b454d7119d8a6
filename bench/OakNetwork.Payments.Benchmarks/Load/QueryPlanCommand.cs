using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OakNetwork.Payments.Benchmarks.Load;

/// <summary>
/// <c>plans [--customers 100000]</c>: seeds a SQLite emulator file, then prints SQLite's
/// <c>EXPLAIN QUERY PLAN</c> for the list queries (count and page) with an email filter, a country filter and
/// none, and times each statement alone. The SQL mirrors <c>SqliteStoreSession.ListCustomersAsync</c>
/// (the selected columns do not change the plan: the page is never covered by an index).
/// </summary>
internal static class QueryPlanCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var customers = 100_000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--customers": customers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    await Console.Error.WriteLineAsync("plans [--customers N]").ConfigureAwait(false);
                    return 2;
            }
        }

        var folder = Directory.CreateTempSubdirectory("oak-plans-");
        var file = Path.Combine(folder.FullName, "emulator.db");
        try
        {
            var host = await EmulatorHost.StartAsync(customers, null, file, inProcess: true).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                Console.WriteLine($"seeded {host.Endpoint.Seeded} customers in {host.Endpoint.SeedSeconds:0.0} s");
                using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
                await connection.OpenAsync().ConfigureAwait(false);
                string merchant;
                using (var m = connection.CreateCommand())
                {
                    m.CommandText = "SELECT id FROM merchants WHERE is_development = 1;";
                    merchant = (string)(await m.ExecuteScalarAsync().ConfigureAwait(false))!;
                }

                var filters = new (string Name, string Where, string Value)[]
                {
                    ("email", " AND c.email_lower IN ($e0)", Serve.StoreSeeder.Email(customers / 2)),
                    ("country", " AND c.country_code IN ($cc0)", "br"),
                    ("none", "", ""),
                };
                foreach (var (name, where, value) in filters)
                {
                    var count = $"SELECT COUNT(*) FROM customers c WHERE c.merchant_id = $m{where};";
                    var page = $"SELECT c.* FROM customers c WHERE c.merchant_id = $m{where} ORDER BY c.created_at DESC, c.id DESC LIMIT $limit OFFSET $offset;";
                    foreach (var (kind, sql) in new[] { ("count", count), ("page", page) })
                    {
                        Console.WriteLine($"-- {name} filter, {kind}: {sql}");
                        using var explain = Command(connection, "EXPLAIN QUERY PLAN " + sql, merchant, value);
                        using (var reader = await explain.ExecuteReaderAsync().ConfigureAwait(false))
                        {
                            while (await reader.ReadAsync().ConfigureAwait(false))
                            {
                                Console.WriteLine("   " + reader.GetString(3));
                            }
                        }

                        using var run = Command(connection, sql, merchant, value);
                        var watch = Stopwatch.StartNew();
                        const int Runs = 20;
                        for (var r = 0; r < Runs; r++)
                        {
                            using var reader = await run.ExecuteReaderAsync().ConfigureAwait(false);
                            while (await reader.ReadAsync().ConfigureAwait(false))
                            {
                            }
                        }

                        Console.WriteLine($"   mean {watch.Elapsed.TotalMilliseconds / Runs:0.000} ms over {Runs} runs");
                    }
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return 0;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string merchant, string value)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$m", merchant);
        if (sql.Contains("$e0", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$e0", value);
        }

        if (sql.Contains("$cc0", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$cc0", value);
        }

        if (sql.Contains("$limit", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$limit", 100);
            command.Parameters.AddWithValue("$offset", 0);
        }

        return command;
    }
}
