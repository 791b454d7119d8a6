// Native AOT smoke test of the Oak SDK: registers a client through DI from configuration (the hand-written,
// reflection-free binder), then creates, gets and lists a customer against an Oak API (normally the emulator).
// Usage: AotSmoke [--base-url URL] [--client-id ID] [--client-secret SECRET]
//        or OAK_BASE_URL / OAK_CLIENT_ID / OAK_CLIENT_SECRET. Exits 0 when every step passed, 1 otherwise.
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OakNetwork.Payments;

var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
{
    ["OakPayments:BaseUrl"] = Environment.GetEnvironmentVariable("OAK_BASE_URL"),
    ["OakPayments:ClientId"] = Environment.GetEnvironmentVariable("OAK_CLIENT_ID"),
    ["OakPayments:ClientSecret"] = Environment.GetEnvironmentVariable("OAK_CLIENT_SECRET"),
    ["OakPayments:Timeout"] = "00:00:15",
};
for (var i = 0; i + 1 < args.Length; i += 2)
{
    var key = args[i] switch
    {
        "--base-url" => "OakPayments:BaseUrl",
        "--client-id" => "OakPayments:ClientId",
        "--client-secret" => "OakPayments:ClientSecret",
        _ => null,
    };
    if (key is null)
    {
        Console.Error.WriteLine($"aot-smoke: unknown argument {args[i]}");
        return 2;
    }

    settings[key] = args[i + 1];
}

var spans = 0;
using var listener = new ActivityListener
{
    ShouldListenTo = source => source.Name == OakTelemetry.SourceName,
    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
    ActivityStopped = _ => Interlocked.Increment(ref spans),
};
ActivitySource.AddActivityListener(listener);

var failures = 0;
void Check(bool ok, string step, string detail)
{
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {step}: {detail}");
    if (!ok)
    {
        failures++;
    }
}

try
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    var services = new ServiceCollection();
    services.AddOakPayments(configuration.GetSection("OakPayments"));
    await using var provider = services.BuildServiceProvider();
    var customers = provider.GetRequiredService<ICustomerService>();
    Console.WriteLine($"aot-smoke: {provider.GetRequiredService<OakClient>()}");

    var email = $"aot-{Guid.NewGuid():N}@example.com";
    var created = await customers.CreateAsync(new CreateCustomerRequest { Email = email, FirstName = "Native", LastName = "Aot" });
    Check(created.Ok && created.Value.Data.Email == email, "create", created.Ok ? $"id {created.Value.Data.Id}" : created.Error!.ToString());

    if (created.Ok)
    {
        var id = created.Value.Data.Id!;
        var got = await customers.GetAsync(id);
        Check(got.Ok && got.Value.Data.Id == id && got.Value.Data.FirstName == "Native", "get", got.Ok ? $"status {got.Value.Data.Status}" : got.Error!.ToString());

        var listed = await customers.ListAsync(new CustomerListQuery { Email = email, Limit = 10 });
        Check(listed.Ok && listed.Value.Data.CustomerList.Any(c => c.Id == id), "list", listed.Ok ? $"{listed.Value.Data.Count} match(es)" : listed.Error!.ToString());
    }

    var invalid = await customers.CreateAsync(new CreateCustomerRequest());
    Check(invalid.Error is ValidationError, "validation", invalid.Error?.ToString() ?? "no error");
    Check(Volatile.Read(ref spans) >= 3, "tracing", $"{spans} spans from {OakTelemetry.SourceName}");
}
catch (Exception ex)
{
    // Includes OptionsValidationException: the message names the missing setting.
    Console.Error.WriteLine($"aot-smoke: {ex.GetType().Name}: {ex.Message}");
    return 1;
}

Console.WriteLine(failures == 0 ? "aot-smoke: all steps passed" : $"aot-smoke: {failures} step(s) failed");
return failures == 0 ? 0 : 1;
