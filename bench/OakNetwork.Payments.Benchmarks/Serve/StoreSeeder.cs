using System.Diagnostics;
using System.Globalization;
using OakNetwork.Payments.Emulator.Platforms;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Benchmarks.Serve;

/// <summary>
/// Benchmark-only bulk seeding: writes customers straight through the emulator's store
/// (<see cref="IStoreSession.InsertCustomerAsync"/>, the same INSERT the create endpoint runs), 5,000 per
/// transaction, skipping HTTP, validation and the per-request transaction. The rows are what the API would have
/// written for the same input. The admin API has no bulk insert; creating 100,000 customers over HTTP takes
/// minutes on this machine.
/// </summary>
internal static class StoreSeeder
{
    /// <summary>The country codes seeded round-robin: each holds 1/20 of the customers.</summary>
    public static readonly string[] Countries =
        ["br", "us", "mx", "ar", "co", "cl", "pe", "uy", "py", "bo", "ec", "ve", "pt", "es", "fr", "de", "it", "gb", "ca", "jp"];

    private const int Batch = 5_000;

    public static string Email(int i) => "seed-" + i.ToString("D6", CultureInfo.InvariantCulture) + "@bench.example";

    public static async Task<TimeSpan> SeedAsync(IEmulatorStore store, string clientId, int count, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        string merchantId;
        var lookup = await store.OpenSessionAsync(write: false, cancellationToken).ConfigureAwait(false);
        await using (lookup.ConfigureAwait(false))
        {
            merchantId = (await lookup.FindMerchantByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false))?.Id
                ?? throw new InvalidOperationException("The development merchant is missing.");
        }

        var start = DateTimeOffset.UtcNow.AddDays(-1);
        for (var from = 0; from < count; from += Batch)
        {
            var session = await store.OpenSessionAsync(write: true, cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                for (var i = from; i < Math.Min(count, from + Batch); i++)
                {
                    var created = start.AddMilliseconds(i * 10);
                    var customer = new CustomerRecord
                    {
                        Id = Guid.NewGuid(),
                        MerchantId = merchantId,
                        Email = Email(i),
                        FirstName = "Maria",
                        LastName = "Silva " + i.ToString(CultureInfo.InvariantCulture),
                        DocumentNumber = "12345678909",
                        DocumentType = "cpf",
                        Dob = "1990-04-12",
                        Gender = "female",
                        PhoneCountryCode = "+55",
                        PhoneAreaCode = "11",
                        PhoneNumber = "987654321",
                        CountryCode = Countries[i % Countries.Length],
                        State = "SP",
                        City = "Sao Paulo",
                        Neighborhood = "Pinheiros",
                        StreetName = "Rua dos Pinheiros",
                        StreetNumber = "1000",
                        PostalCode = "05422-001",
                        MonthlyNetIncome = 500000,
                        Status = LifecycleStatus.NotStarted,
                        Version = 1,
                        CreatedAt = created,
                        UpdatedAt = created,
                    };
                    if (await session.InsertCustomerAsync(customer, cancellationToken).ConfigureAwait(false) != SaveOutcome.Saved)
                    {
                        throw new InvalidOperationException($"Seeding customer {i} failed (already seeded?).");
                    }
                }

                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return watch.Elapsed;
    }
}
