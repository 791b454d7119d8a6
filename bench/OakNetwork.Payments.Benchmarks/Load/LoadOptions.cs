using System.Globalization;

namespace OakNetwork.Payments.Benchmarks.Load;

/// <summary>The load runner's command line.</summary>
internal sealed class LoadOptions
{
    public string Scenario { get; private set; } = "get";

    public int Concurrency { get; private set; } = 16;

    public double DurationSeconds { get; private set; } = 20;

    public double RoundSeconds { get; private set; } = 2;

    public string? JsonFile { get; private set; }

    public Uri? BaseUrl { get; private set; }

    public string ClientId { get; private set; } = "oak-dev-client";

    public string ClientSecret { get; private set; } = "oak-dev-secret";

    public int? Customers { get; private set; }

    public string Filter { get; private set; } = "none";

    public int Limit { get; private set; } = 100;

    public bool InProcess { get; private set; }

    public string? Postgres { get; private set; }

    public int Instances { get; private set; } = 1;

    /// <summary>A/B switch: the baseline reads answers whole, as the SDK does, instead of streaming them.</summary>
    public bool RawBuffered { get; private set; }

    public const string Usage =
        "load --scenario get|list|create|ceiling --concurrency N --duration SECONDS [--json FILE] [--base-url URL]\n" +
        "     [--customers N] [--filter none|email|country] [--limit N] [--round SECONDS] [--in-process]\n" +
        "     [--postgres CONNSTRING] [--instances N] [--raw-buffered] [--client-id ID --client-secret SECRET]";

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            switch (args[i])
            {
                case "--scenario": o.Scenario = Next(); break;
                case "--concurrency": o.Concurrency = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--duration": o.DurationSeconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--round": o.RoundSeconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--json": o.JsonFile = Next(); break;
                case "--base-url": o.BaseUrl = new Uri(Next()); break;
                case "--client-id": o.ClientId = Next(); break;
                case "--client-secret": o.ClientSecret = Next(); break;
                case "--customers": o.Customers = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--filter": o.Filter = Next(); break;
                case "--limit": o.Limit = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--in-process": o.InProcess = true; break;
                case "--raw-buffered": o.RawBuffered = true; break;
                case "--postgres": o.Postgres = Next(); break;
                case "--instances": o.Instances = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown argument {args[i]}.\n{Usage}");
            }
        }

        if (o.Scenario is not ("get" or "list" or "create" or "ceiling"))
        {
            throw new ArgumentException($"Unknown scenario {o.Scenario}.\n{Usage}");
        }

        if (o.Filter is not ("none" or "email" or "country"))
        {
            throw new ArgumentException($"Unknown filter {o.Filter}.\n{Usage}");
        }

        if (o.Concurrency < 1 || o.DurationSeconds <= 0 || o.RoundSeconds <= 0 || o.Instances < 1)
        {
            throw new ArgumentException($"Concurrency, duration, round and instances must be positive.\n{Usage}");
        }

        if (o.Instances > 1 && o.Postgres is null)
        {
            throw new ArgumentException("--instances above 1 needs --postgres (SQLite instances do not share data).");
        }

        return o;
    }

    /// <summary>How many customers to seed: enough for the scenario unless <c>--customers</c> says otherwise.</summary>
    public int SeedCount => Customers ?? Scenario switch
    {
        "list" => 10_000,
        "create" => 0,
        _ => 100,
    };
}
