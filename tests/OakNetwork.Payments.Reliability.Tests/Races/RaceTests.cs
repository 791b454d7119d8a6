using OakNetwork.Payments.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OakNetwork.Payments.Reliability.Tests.Races;

/// <summary>
/// Races through the SDK, each side on its own client (its own HttpClient, so its own connections). The emulator's
/// tests prove the same rules over plain HTTP; these prove the SDK reports them as the contract says, round after round.
/// </summary>
public sealed class RaceTests(InProcessEmulator fixture, ITestOutputHelper output) : IClassFixture<InProcessEmulator>
{
    private const int Rounds = 20;

    [Fact]
    public async Task Two_concurrent_creates_with_one_email_let_exactly_one_succeed_and_the_other_gets_the_documented_400()
    {
        var merchant = await fixture.NewMerchantAsync();
        using var left = fixture.Client(merchant);
        using var right = fixture.Client(merchant);
        (await left.Customers.ListAsync()).EnsureOk();
        (await right.Customers.ListAsync()).EnsureOk();

        for (var round = 0; round < Rounds; round++)
        {
            var email = $"race.{round}.{Guid.NewGuid():N}@example.com";
            var results = await Task.WhenAll(
                Task.Run(() => left.Customers.CreateAsync(new CreateCustomerRequest { Email = email })),
                Task.Run(() => right.Customers.CreateAsync(new CreateCustomerRequest { Email = email.ToUpperInvariant() })));

            Assert.Single(results, r => r.Ok);
            var error = Assert.IsType<ApiError>(Assert.Single(results, r => !r.Ok).Error);
            Assert.Equal(400, error.Status);
            Assert.Equal("Customer already exists", error.Message);
            var listed = (await left.Customers.ListAsync(new CustomerListQuery { Email = email })).EnsureOk().Data;
            Assert.Equal(1, listed.Count);
        }

        output.WriteLine($"{Rounds} rounds: one 200 and one 400 'Customer already exists' each, one stored customer each");
    }

    [Fact]
    public async Task Concurrent_updates_of_one_customer_each_count_once_in_the_version()
    {
        var merchant = await fixture.NewMerchantAsync();
        var clients = Enumerable.Range(0, 4).Select(_ => fixture.Client(merchant)).ToList();
        try
        {
            var id = (await clients[0].Customers.CreateAsync(new CreateCustomerRequest { Email = $"updates.{Guid.NewGuid():N}@example.com" })).EnsureOk().Data.Id!;
            const int updates = 40;
            var results = await Task.WhenAll(Enumerable.Range(0, updates).Select(n => Task.Run(() =>
                clients[n % clients.Count].Customers.UpdateAsync(id, new UpdateCustomerRequest { FirstName = $"Name{n}", City = $"City{n}" }))));

            Assert.All(results, r => Assert.True(r.Ok, r.ToString()));
            var versions = results.Select(r => r.Value.Data.Version).Order().ToList();
            // Each accepted update saw its own version: 2, 3, ..., updates + 1, none lost, none counted twice.
            Assert.Equal(Enumerable.Range(2, updates).Select(v => (long)v), versions);
            var final = (await clients[0].Customers.GetAsync(id)).EnsureOk().Data;
            Assert.Equal(1 + updates, final.Version);
            var last = results.Single(r => r.Value.Data.Version == final.Version).Value.Data;
            Assert.Equal(last.FirstName, final.FirstName);
            Assert.Equal(last.City, final.City);
            Assert.Equal(final.FirstName![4..], final.City![4..]); // the two fields of one update land together
            output.WriteLine($"{updates} concurrent updates from {clients.Count} clients: versions 2..{final.Version}, each once");
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task The_same_idempotency_key_from_two_connections_at_once_does_the_work_once_and_both_get_the_same_answer()
    {
        var merchant = await fixture.NewMerchantAsync();
        using var left = fixture.Client(merchant);
        using var right = fixture.Client(merchant);
        (await left.Customers.ListAsync()).EnsureOk();
        (await right.Customers.ListAsync()).EnsureOk();

        for (var round = 0; round < Rounds; round++)
        {
            var email = $"idem.{round}.{Guid.NewGuid():N}@example.com";
            var key = Guid.NewGuid().ToString();
            var request = new CreateCustomerRequest { Email = email, FirstName = "Once" };
            var results = await Task.WhenAll(
                Task.Run(() => left.Customers.CreateAsync(request, new RequestOptions { IdempotencyKey = key })),
                Task.Run(() => right.Customers.CreateAsync(request, new RequestOptions { IdempotencyKey = key })));

            Assert.All(results, r => Assert.True(r.Ok, r.ToString()));
            Assert.Equal(results[0].Value.Data.Id, results[1].Value.Data.Id);
            Assert.Equal(results[0].Value.Data.CreatedAt, results[1].Value.Data.CreatedAt);
            Assert.Equal(1, (await left.Customers.ListAsync(new CustomerListQuery { Email = email })).EnsureOk().Data.Count);

            // The uploads of one key are stored once, too.
            var id = results[0].Value.Data.Id!;
            var uploadKey = Guid.NewGuid().ToString();
            var uploads = await Task.WhenAll(new[] { left, right }.Select(client => Task.Run(() => client.Customers.UploadFilesAsync(
                id, [new CustomerFileUpload("id.pdf", new MemoryStream("%PDF-1.4 once"u8.ToArray()))], new RequestOptions { IdempotencyKey = uploadKey }))));
            Assert.All(uploads, r => Assert.True(r.Ok, r.ToString()));
            Assert.Equal(uploads[0].Value.Data.Single().Id, uploads[1].Value.Data.Single().Id);
            Assert.Single((await left.Customers.GetFilesAsync(id)).EnsureOk().Data);
        }

        output.WriteLine($"{Rounds} rounds: both sides got the same customer and the same file, each stored once");
    }
}
