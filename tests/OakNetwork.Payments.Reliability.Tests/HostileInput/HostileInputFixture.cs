using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.Reliability.Tests.Infrastructure;

namespace OakNetwork.Payments.Reliability.Tests.HostileInput;

/// <summary>
/// The emulator the hostile-input properties run against, with a merchant, a few customers (one with a file and a
/// registration) and a fingerprint of everything in its store. Background jobs are delayed by an hour, so nothing
/// but a request can change the store while the properties run.
/// </summary>
public sealed class HostileInputFixture : InProcessEmulator
{
    public static readonly TimeSpan PerRequestBound = TimeSpan.FromSeconds(5);

    private static readonly string[] Tables = ["merchants", "customers", "registrations", "accounts", "balance_totals", "files", "jobs", "idempotency_keys", "settings"];
    private string _fingerprint = "";

    public MerchantCredentials Merchant { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public List<string> CustomerIds { get; } = [];

    public string CustomerEmail { get; private set; } = "";

    public string ForeignCustomerId { get; private set; } = "";

    public string FileId { get; private set; } = "";

    public string DownloadCustomerId { get; private set; } = "";

    public string DownloadExpires { get; private set; } = "";

    public string DownloadSignature { get; private set; } = "";

    public HttpClient Api { get; private set; } = null!;

    public ConcurrentDictionary<string, (int Success, int Error)> Outcomes { get; } = new();

    protected override void Configure(EmulatorOptions options)
    {
        options.SyncDelay = TimeSpan.FromHours(1);
        options.ReviewDelay = TimeSpan.FromHours(1);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Api = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = Emulator.BaseUrl, Timeout = TimeSpan.FromSeconds(15) };
        Merchant = await NewMerchantAsync();
        Token = await GrantTokenAsync(Merchant);
        using var client = Client(Merchant);
        var full = FullCustomer.Request("hostile");
        var first = (await client.Customers.CreateAsync(full)).EnsureOk().Data;
        CustomerEmail = first.Email!;
        CustomerIds.Add(first.Id!);
        var file = (await client.Customers.UploadFilesAsync(first.Id!, [new CustomerFileUpload("seed.pdf", new MemoryStream("%PDF-1.4 seed"u8.ToArray()))])).EnsureOk().Data[0];
        (await client.Customers.PopulatePlatformAsync(first.Id!, new PlatformRequest(Provider.Stripe))).EnsureOk();
        for (var i = 0; i < 2; i++)
        {
            CustomerIds.Add((await client.Customers.CreateAsync(new CreateCustomerRequest { Email = $"plain{i}@example.com" })).EnsureOk().Data.Id!);
        }

        using var foreign = Client(await NewMerchantAsync());
        ForeignCustomerId = (await foreign.Customers.CreateAsync(new CreateCustomerRequest { Email = "foreign@example.com" })).EnsureOk().Data.Id!;

        FileId = file.Id!;
        var query = System.Web.HttpUtility.ParseQueryString(file.Url!.Query);
        DownloadCustomerId = query["customer_id"]!;
        DownloadExpires = query["expires"]!;
        DownloadSignature = query["signature"]!;
        _fingerprint = Fingerprint();
    }

    public override async Task DisposeAsync()
    {
        var summary = string.Join(Environment.NewLine, Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value.Success + o.Value.Error} cases, {o.Value.Success} successes, {o.Value.Error} 4xx errors"));
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "hostile-input-summary.txt"), summary);
        Api.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>
    /// Cases run one at a time (FsCheck runs them in sequence), so the last fingerprint is the store this request meets.
    /// Sends the request and checks the rule: a 4xx error envelope with the store unchanged, or a valid success;
    /// never a 5xx, never slower than <see cref="PerRequestBound"/>. Throws, describing the case, when it does not hold.
    /// </summary>
    public async Task<bool> HoldsAsync(HostileRequest request)
    {
        using var message = new HttpRequestMessage(request.Method, new Uri(Emulator.BaseUrl, request.PathAndQuery));
        if (request.Authenticated)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        if (request.IdempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", request.IdempotencyKey);
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        var clock = Stopwatch.StartNew();
        using var response = await Api.SendAsync(message).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        clock.Stop();
        var status = (int)response.StatusCode;
        string Fail(string why) => $"{why}{Environment.NewLine}  request: {request}{Environment.NewLine}  answer: {status} {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 500)))}";

        if (status >= 500)
        {
            throw new InvalidOperationException(Fail("a 5xx answer"));
        }

        if (clock.Elapsed > PerRequestBound)
        {
            throw new InvalidOperationException(Fail($"took {clock.ElapsedMilliseconds} ms"));
        }

        var after = Fingerprint();
        if (status is >= 200 and < 300)
        {
            if (request.Endpoint == "download")
            {
                if (response.Content.Headers.ContentType?.MediaType != "application/pdf" || body.Length == 0)
                {
                    throw new InvalidOperationException(Fail("a download success that is not the file"));
                }
            }
            else
            {
                var root = ParseJson(body) ?? throw new InvalidOperationException(Fail("a success that is not JSON"));
                var valid = request.Endpoint == "grant"
                    ? root.TryGetProperty("access_token", out var token) && token.ValueKind == JsonValueKind.String
                    : root.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String && root.TryGetProperty("data", out _);
                if (!valid)
                {
                    throw new InvalidOperationException(Fail("a success without its envelope"));
                }
            }

            Outcomes.AddOrUpdate(request.Endpoint, (1, 0), (_, o) => (o.Success + 1, o.Error));
        }
        else if (status is >= 400 and < 500)
        {
            var root = ParseJson(body) ?? throw new InvalidOperationException(Fail("a 4xx that is not a JSON envelope"));
            var envelope = root.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String && msg.GetString()!.Length > 0
                && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Null
                && root.TryGetProperty("error_code", out var code) && code.ValueKind == JsonValueKind.String && code.GetString()!.Length > 0
                && root.TryGetProperty("failure_reasons", out var reasons) && reasons.ValueKind == JsonValueKind.Array;
            if (!envelope)
            {
                throw new InvalidOperationException(Fail("a 4xx without the error envelope"));
            }

            if (after != _fingerprint)
            {
                throw new InvalidOperationException(Fail("an error answer, yet the store changed"));
            }

            Outcomes.AddOrUpdate(request.Endpoint, (0, 1), (_, o) => (o.Success, o.Error + 1));
        }
        else
        {
            throw new InvalidOperationException(Fail("neither a success nor a 4xx"));
        }

        _fingerprint = after;
        return true;
    }

    /// <summary>A SHA-256 over every row of every table of the store (read-only, beside the running emulator).</summary>
    public string Fingerprint()
    {
        using var connection = new SqliteConnection($"Data Source={DataPath};Mode=ReadOnly");
        connection.Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in Tables)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT * FROM {table} ORDER BY rowid;";
            using var reader = command.ExecuteReader();
            hash.AppendData(Encoding.UTF8.GetBytes("#" + table));
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    hash.AppendData(value is byte[] bytes ? bytes : Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null"));
                    hash.AppendData("|"u8);
                }
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static JsonElement? ParseJson(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
