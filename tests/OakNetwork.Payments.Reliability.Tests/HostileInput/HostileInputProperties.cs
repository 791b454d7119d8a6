using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.FSharp.Core;

namespace OakNetwork.Payments.Reliability.Tests.HostileInput;

/// <summary>
/// Property-based hostile input against every endpoint over real HTTP: each generated request gets a 4xx error
/// envelope (and leaves the store exactly as it was) or a valid success; never a 5xx, never a hang. Seeded: a run
/// is reproducible, and a failure prints the case and the seed to replay it with.
/// </summary>
[Trait("Category", "Slow")]
public sealed class HostileInputProperties(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    // 11 endpoints x 460 cases = 5,060 generated requests per run.
    private const int Cases = 460;
    private const string Seed = "(20261126,7654321)";

    private static readonly string[] SyncFields = ["providers", "fields"];
    private static readonly string[] PlatformFields = ["provider", "target_role", "bank_account", "document_number"];
    private static readonly string[] GrantFields = ["client_id", "client_secret", "grant_type"];
    private static readonly string[] ListQuery = ["limit", "offset", "email", "country_code", "document_type", "provider", "provider_registration_status", "target_role", "strict"];
    private static readonly string[] BalanceQuery = ["provider", "role"];

    private HostileGenerators G => new(fixture);

    [Property(MaxTest = Cases, Replay = Seed, QuietOnSuccess = true)]
    public Property Token_grant() => Holds(
        from body in G.Body(GrantFields, G.ValidGrant)
        from type in HostileGenerators.JsonContentType
        select new HostileRequest("grant", HttpMethod.Post, "api/v1/merchant/token/grant", body, type, Authenticated: false));

    [Property(MaxTest = Cases, Replay = Seed, QuietOnSuccess = true)]
    public Property Create_customer() => Holds(
        from body in G.Body(HostileGenerators.CustomerFields, HostileGenerators.ValidCustomer)
        from type in HostileGenerators.JsonContentType
        from key in HostileGenerators.IdempotencyKey
        select new HostileRequest("create", HttpMethod.Post, "api/v1/customers", body, type, key));

    [Property(MaxTest = Cases, Replay = Seed, QuietOnSuccess = true)]
    public Property Get_customer() => Holds(
        from id in G.PathId
        from query in G.Query(["expand", "limit"])
        select new HostileRequest("get", HttpMethod.Get, $"api/v1/customers/{id}{query}", null, null));

    [Property(MaxTest = Cases, Replay = Seed, QuietOnSuccess = true)]
    public Property List_customers() => Holds(
        from query in G.Query(ListQuery)
        select new HostileRequest("list", HttpMethod.Get, $"api/v1/customers{query}", null, null));

    [Property(MaxTest = Cases, Replay = Seed, QuietOnSuccess = true)]
    public Property Update_customer() => Holds(
        from id in G.PathId
        from body in G.Body(HostileGenerators.CustomerFields, HostileGenerators.ValidCustomer)
        from type in HostileGenerators.JsonContentType
        select new HostileRequest("update", HttpMethod.Put, $"api/v1/customers/{id}", body, type));

    [Property(MaxTest = Cases, Replay = Seed, QuietOnSuccess = true)]
    public Property Sync_customer() => Holds(
        from id in G.PathId
        from body in G.Body(SyncFields, HostileGenerators.ValidSync)
        from type in HostileGenerators.JsonContentType
        from key in HostileGenerators.IdempotencyKey
        select new HostileRequest("sync", HttpMethod.Post, $"api/v1/customers/{id}/sync", body, type, key));

    [Property(MaxTest = Cases, Replay = Seed, QuietOnSuccess = true)]
    public Property Customer_balances() => Holds(
        from id in G.PathId
        from query in G.Query(BalanceQuery)
        select new HostileRequest("balances", HttpMethod.Get, $"api/v1/customers/{id}/balances{query}", null, null));

    [Property(MaxTest = Cases, Replay = Seed, QuietOnSuccess = true)]
    public Property Upload_files() => Holds(
        from id in G.PathId
        from upload in G.Multipart
        from key in HostileGenerators.IdempotencyKey
        select new HostileRequest("upload", HttpMethod.Post, $"api/v1/customers/{id}/files", upload.Body, upload.ContentType, key));

    [Property(MaxTest = Cases, Replay = Seed, QuietOnSuccess = true)]
    public Property List_files() => Holds(
        from id in G.PathId
        from query in G.Query(["limit", "offset"])
        select new HostileRequest("files", HttpMethod.Get, $"api/v1/customers/{id}/files{query}", null, null));

    [Property(MaxTest = Cases, Replay = Seed, QuietOnSuccess = true)]
    public Property Populate_platform() => Holds(
        from id in G.PathId
        from body in G.Body(PlatformFields, HostileGenerators.ValidPlatform)
        from type in HostileGenerators.JsonContentType
        from key in HostileGenerators.IdempotencyKey
        select new HostileRequest("platforms", HttpMethod.Post, $"api/v1/customers/{id}/platforms", body, type, key));

    [Property(MaxTest = Cases, Replay = Seed, QuietOnSuccess = true)]
    public Property Download_link() => Holds(
        from fileId in Gen.Frequency((3, Gen.Constant(fixture.FileId)), (1, Gen.Constant(fixture.FileId.ToUpperInvariant())), (1, G.PathId))
        from customer in Gen.Frequency((4, Gen.Constant(fixture.DownloadCustomerId)), (1, Gen.Elements(fixture.CustomerIds.ToArray())), (1, G.Text.Select(HostileGenerators.Escape)))
        from expires in Gen.Frequency((4, Gen.Constant(fixture.DownloadExpires)), (1, Gen.Elements("0", "-1", "99999999999999999999", "1e10", "", "9223372036854775807", "abc")))
        from signature in Gen.Frequency(
            (4, Gen.Constant(fixture.DownloadSignature)),
            (1, Gen.Choose(0, 63).Select(i => fixture.DownloadSignature[..i] + (fixture.DownloadSignature[i] == '0' ? '1' : '0') + fixture.DownloadSignature[(i + 1)..])),
            (1, Gen.Elements("", "00", new string('z', 64), new string('0', 64), fixture.DownloadSignature.ToUpperInvariant(), fixture.DownloadSignature + "00", "%FF")))
        from extra in G.Query(["customer_id", "expires", "signature"])
        select new HostileRequest("download", HttpMethod.Get,
            $"downloads/{fileId}?customer_id={customer}&expires={expires}&signature={signature}{(extra.Length > 0 ? "&" + extra[1..] : "")}", null, null, Authenticated: false));

    private Property Holds(Gen<HostileRequest> requests) =>
        FsCheck.FSharp.Prop.ForAll(requests.ToArbitrary(), FuncConvert.FromFunc<HostileRequest, bool>(
            request => Task.Run(() => fixture.HoldsAsync(request)).GetAwaiter().GetResult()));
}
