using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using OakNetwork.Payments.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OakNetwork.Payments.Reliability.Tests.Crashes;

/// <summary>
/// The emulator as a separate process, killed with SIGKILL in the middle of a load of creates and uploads, then
/// restarted on the same data file: what the client saw acknowledged is there and intact, nothing is half-written,
/// and the sync and review jobs queued before the kill finish after the restart.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CrashRestartTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oak-crash-").FullName;

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
    public async Task After_a_kill_9_under_load_every_acknowledged_write_is_intact_and_queued_jobs_finish()
    {
        var data = Path.Combine(_folder, "emulator.db");
        var port = EmulatorProcess.FreePort();
        string[] delays = ["--sync-delay", "4000", "--review-delay", "4000"];
        MerchantCredentials merchant;
        var queued = new List<string>();
        var attempted = new ConcurrentDictionary<string, CreateCustomerRequest>(StringComparer.OrdinalIgnoreCase); // email -> request
        var acknowledged = new ConcurrentDictionary<string, CreateCustomerRequest>();                                // id -> request
        var acknowledgedFiles = new ConcurrentBag<(string CustomerId, string FileId, string Sha256, long Size)>();
        int createErrors = 0, uploadErrors = 0;
        TimeSpan killedAt;

        await using (var first = await EmulatorProcess.StartAsync(port, data, delays))
        {
            using var admin = new HttpClient { BaseAddress = first.BaseUrl };
            merchant = await InProcessEmulator.NewMerchantAsync(admin);
            using var client = InProcessEmulator.CreateClient(first.BaseUrl, merchant, o =>
            {
                o.Retry = new RetryOptions { MaxRetries = 0 };
                o.Timeout = TimeSpan.FromSeconds(10);
            });

            // Work that is queued (4 s delays) when the process dies.
            for (var i = 0; i < 4; i++)
            {
                var customer = (await client.Customers.CreateAsync(FullCustomer.Request("queued" + i + "." + Guid.NewGuid().ToString("N")))).EnsureOk().Data;
                (await client.Customers.SyncAsync(customer.Id!, new CustomerSyncRequest { Providers = [Provider.Stripe], Fields = [SyncField.Email, SyncField.FirstName] })).EnsureOk();
                (await client.Customers.PopulatePlatformAsync(customer.Id!, new PlatformRequest(Provider.Stripe))).EnsureOk();
                queued.Add(customer.Id!);
            }

            // The load: 8 workers creating customers and uploading documents as fast as they can.
            var ids = new ConcurrentQueue<string>();
            using var stopLoad = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            var load = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
            {
                var random = new Random(worker);
                for (var n = 0; !stopLoad.IsCancellationRequested; n++)
                {
                    var known = ids.ToArray();
                    if (n % 2 == 0 || known.Length == 0)
                    {
                        var request = FullCustomer.Request($"w{worker}.{n}.{Guid.NewGuid():N}");
                        attempted[request.Email!] = request;
                        var result = await client.Customers.CreateAsync(request);
                        if (result.Ok)
                        {
                            acknowledged[result.Value.Data.Id!] = request;
                            ids.Enqueue(result.Value.Data.Id!);
                        }
                        else
                        {
                            Interlocked.Increment(ref createErrors);
                            await Task.Delay(10);
                        }
                    }
                    else
                    {
                        var customerId = known[random.Next(known.Length)];
                        var files = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Document(random)).ToList();
                        var result = await client.Customers.UploadFilesAsync(customerId, files.Select((f, k) => new CustomerFileUpload($"doc{k}.pdf", new MemoryStream(f)) { ContentType = "application/pdf" }));
                        if (result.Ok)
                        {
                            Assert.Equal(files.Count, result.Value.Data.Count);
                            foreach (var (item, bytes) in result.Value.Data.Zip(files))
                            {
                                var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
                                Assert.Equal(sha, item.Sha256);
                                acknowledgedFiles.Add((customerId, item.Id!, sha, bytes.Length));
                            }
                        }
                        else
                        {
                            Interlocked.Increment(ref uploadErrors);
                            await Task.Delay(10);
                        }
                    }
                }
            })).ToList();

            // Kill once the load is well under way, while requests are in flight.
            while (clock.Elapsed < TimeSpan.FromSeconds(15) && (acknowledged.Count < 60 || acknowledgedFiles.Count < 60))
            {
                await Task.Delay(50);
            }

            await first.KillAsync();
            killedAt = clock.Elapsed;
            await Task.Delay(300); // let the workers see the dead server
            await stopLoad.CancelAsync();
            await Task.WhenAll(load);
            Assert.NotEqual(0, first.ExitCode);
        }

        output.WriteLine($"killed (SIGKILL) at {killedAt.TotalSeconds:0.0} s of load: {attempted.Count} creates attempted, {acknowledged.Count} acknowledged, {acknowledgedFiles.Count} files acknowledged; failed after the kill: {createErrors} creates, {uploadErrors} uploads");

        await using var second = await EmulatorProcess.StartAsync(port, data, delays);
        using var reader = InProcessEmulator.CreateClient(second.BaseUrl, merchant, o => o.Retry = new RetryOptions { MaxRetries = 3, Delay = TimeSpan.FromMilliseconds(50) });
        using var downloads = new HttpClient();

        var stored = new Dictionary<string, Customer>();
        await foreach (var customer in reader.Customers.ListAutoPagingAsync(new CustomerListQuery { Limit = 100 }))
        {
            stored.Add(customer.Id!, customer);
        }

        // Every acknowledged create is there with every field it was created with.
        foreach (var (id, request) in acknowledged)
        {
            Assert.True(stored.TryGetValue(id, out var customer), $"acknowledged customer {id} is missing after the restart");
            Assert.Empty(FullCustomer.Differences(request, customer));
        }

        // Nothing half-written: every stored customer (acknowledged or not) is one that was sent, whole.
        foreach (var customer in stored.Values.Where(c => !queued.Contains(c.Id!)))
        {
            Assert.True(attempted.TryGetValue(customer.Email!, out var request), $"a customer nobody created: {customer.Email}");
            Assert.Empty(FullCustomer.Differences(request, customer));
        }

        // Every file row has its whole content (SHA-256 and size match), and every acknowledged file is among them.
        var storedFiles = new Dictionary<string, CustomerFile>();
        foreach (var customer in stored.Values)
        {
            foreach (var file in (await reader.Customers.GetFilesAsync(customer.Id!)).EnsureOk().Data)
            {
                var bytes = await downloads.GetByteArrayAsync(file.Url);
                Assert.Equal(file.Size, bytes.Length);
                Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
                storedFiles.Add(file.Id!, file);
            }
        }

        foreach (var (customerId, fileId, sha, size) in acknowledgedFiles)
        {
            Assert.True(storedFiles.TryGetValue(fileId, out var file), $"acknowledged file {fileId} of {customerId} is missing after the restart");
            Assert.Equal(sha, file.Sha256);
            Assert.Equal(size, file.Size);
        }

        // The sync and review jobs queued before the kill run after the restart.
        var wait = Stopwatch.StartNew();
        var pending = queued.ToList();
        while (pending.Count > 0 && wait.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(250);
            foreach (var id in pending.ToList())
            {
                var customer = (await reader.Customers.GetAsync(id)).EnsureOk().Data;
                if (customer.Synced && customer.SyncedAt is not null && customer.Status != CustomerStatus.Initiated)
                {
                    pending.Remove(id);
                }
            }
        }

        output.WriteLine($"after restart: {stored.Count} customers ({acknowledged.Count} acknowledged + {stored.Count - acknowledged.Count - queued.Count} whose answer was lost, {queued.Count} with queued jobs), {storedFiles.Count} files ({acknowledgedFiles.Count} acknowledged), all intact; queued sync and review jobs finished {wait.Elapsed.TotalSeconds:0.0} s after the restart");
        Assert.True(pending.Count == 0, $"queued jobs never finished for {string.Join(", ", pending)}");
    }

    /// <summary>A PDF (by its magic bytes) of 1 KiB to 256 KiB of random content.</summary>
    private static byte[] Document(Random random)
    {
        var bytes = new byte[random.Next(1024, 256 * 1024)];
        random.NextBytes(bytes);
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }
}
