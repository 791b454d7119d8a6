using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OakNetwork.Payments.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OakNetwork.Payments.Reliability.Tests.Security;

/// <summary>
/// A full customer lifecycle, with its failures, while everything the SDK and the emulator say is collected: the
/// SDK's logs at every level (messages, structured values, scopes, exceptions), its spans' tags and events, every
/// error and exception message the caller sees, the emulator process's whole console output and its request
/// journal. None of it may contain the client secret, the access token, or a customer's email or document number.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SecretLeakTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oak-leak-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task A_full_lifecycle_leaks_no_secret_token_email_or_document_number_into_logs_spans_or_errors()
    {
        await using var emulator = await EmulatorProcess.StartAsync(EmulatorProcess.FreePort(), Path.Combine(_folder, "emulator.db"), "--sync-delay", "50", "--review-delay", "50");
        using var admin = new HttpClient { BaseAddress = emulator.BaseUrl };
        var merchant = await InProcessEmulator.NewMerchantAsync(admin);
        var seen = new ConcurrentQueue<string>();
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("OakNetwork", StringComparison.Ordinal) || source.Name.StartsWith("System.Net", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => seen.Enqueue($"span {activity.Source.Name} {activity.DisplayName} {activity.StatusDescription} "
                + string.Join("; ", activity.TagObjects.Select(t => $"{t.Key}={t.Value}"))
                + string.Join("; ", activity.Events.Select(e => e.Name + " " + string.Join(",", e.Tags.Select(t => $"{t.Key}={t.Value}"))))),
        };
        ActivitySource.AddActivityListener(listener);
        using var recorder = new RecordingHandler();
        using var http = recorder.CreateClient();
        using var client = InProcessEmulator.CreateClient(emulator.BaseUrl, merchant, o =>
        {
            o.LoggerFactory = loggerFactory;
            o.Retry = new RetryOptions { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(10) };
        }, http);

        var tag = Guid.NewGuid().ToString("N");
        var request = FullCustomer.Request(tag);
        var second = FullCustomer.Request(tag + "b");
        void Note(OakError? error)
        {
            if (error is not null)
            {
                seen.Enqueue(error.ToString());
                seen.Enqueue(error.Message);
                for (var e = error.Exception; e is not null; e = e.InnerException)
                {
                    seen.Enqueue(e.ToString());
                }

                if (error is ApiError api)
                {
                    seen.Enqueue(string.Join("; ", api.FailureReasons.Select(r => $"{r.Code} {r.Message}")));
                }

                try
                {
                    throw new OakException(error);
                }
                catch (OakException ex)
                {
                    seen.Enqueue(ex.ToString());
                }
            }
        }

        // The lifecycle, successes and failures alike.
        var customer = (await client.Customers.CreateAsync(request)).EnsureOk().Data;
        var id = customer.Id!;
        Note((await client.Customers.CreateAsync(request)).Error);                                           // duplicate email: 400
        Note((await client.Customers.CreateAsync(second)).Error);
        Note((await client.Customers.UpdateAsync(id, new UpdateCustomerRequest { Email = second.Email })).Error); // email taken: 400
        Note((await client.Customers.UpdateAsync(id, new UpdateCustomerRequest { DocumentNumber = request.DocumentNumber + "x", Dob = "not-a-date" })).Error);
        Note((await client.Customers.UpdateAsync(id, new UpdateCustomerRequest { DocumentNumber = request.DocumentNumber + "2" })).Error);
        Note((await client.Customers.GetAsync(id)).Error);
        Note((await client.Customers.GetAsync(Guid.NewGuid().ToString())).Error);                            // 404
        Note((await client.Customers.ListAsync(new CustomerListQuery { Email = request.Email + "," + second.Email, Limit = 5 })).Error);
        Note((await client.Customers.ListAsync(new CustomerListQuery { Email = request.Email, Limit = 1000, Strict = true })).Error); // 400
        Note((await client.Customers.SyncAsync(id, new CustomerSyncRequest { Providers = [Provider.Stripe], Fields = [SyncField.Email, SyncField.FirstName] })).Error);
        Note((await client.Customers.PopulatePlatformAsync(id, new PlatformRequest(Provider.Stripe).Set("document_number", request.DocumentNumber).Set("email", request.Email))).Error);
        Note((await client.Customers.UploadFilesAsync(id, [new CustomerFileUpload(request.DocumentNumber + ".pdf", new MemoryStream("%PDF-1.4 id"u8.ToArray()))])).Error);
        Note((await client.Customers.UploadFilesAsync(id, [new CustomerFileUpload("not-a-pdf.txt", new MemoryStream("plain text"u8.ToArray()))])).Error); // 400
        Note((await client.Customers.GetFilesAsync(id)).Error);
        Note((await client.Customers.BalanceAsync(id)).Error);
        await Task.Delay(500); // the sync and review jobs run and log
        Note((await client.Customers.GetAsync(id)).Error);

        // A wrong secret and an unreachable server: the errors must not echo the secret either.
        using (var wrong = InProcessEmulator.CreateClient(emulator.BaseUrl, merchant with { ClientSecret = merchant.ClientSecret + "-wrong" }, o => o.LoggerFactory = loggerFactory))
        {
            Note((await wrong.Customers.GetAsync(id)).Error);
        }

        using (var nowhere = InProcessEmulator.CreateClient(new Uri($"http://127.0.0.1:{EmulatorProcess.FreePort()}/"), merchant, o =>
        {
            o.LoggerFactory = loggerFactory;
            o.Retry = new RetryOptions { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(10) };
        }))
        {
            Note((await nowhere.Customers.GetAsync(id)).Error);
        }

        seen.Enqueue(client.ToString());
        seen.Enqueue(await admin.GetStringAsync("_emulator/requests?limit=500"));
        emulator.Terminate();
        await emulator.WaitForExitAsync(TimeSpan.FromSeconds(20));

        var token = Assert.Single(recorder.BearerTokens.Keys);
        var everything = logs.Lines.Concat(seen).Concat(emulator.Output).ToList();
        var secrets = new Dictionary<string, string>
        {
            ["client secret"] = merchant.ClientSecret,
            ["access token"] = token,
            ["access token signature"] = token.Split('.')[2],
            ["email"] = request.Email!,
            ["second email"] = second.Email!,
            ["document number"] = request.DocumentNumber!,
        };
        output.WriteLine($"searched {logs.Lines.Count} SDK log entries, {seen.Count} span/error/exception texts and {emulator.Output.Count} emulator output lines");
        Assert.True(logs.Lines.Count > 20, "the SDK logged");
        Assert.True(emulator.Output.Count > 5, "the emulator wrote its output");
        foreach (var (what, secret) in secrets)
        {
            var leaks = everything.Where(line => line.Contains(secret, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(leaks.Count == 0, $"the {what} leaked into: {string.Join(Environment.NewLine, leaks.Take(5))}");
        }
    }
}
