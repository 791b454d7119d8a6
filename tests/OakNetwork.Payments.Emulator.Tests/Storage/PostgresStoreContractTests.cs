using OakNetwork.Payments.Emulator.Storage;
using OakNetwork.Payments.Emulator.Storage.Postgres;
using OakNetwork.Payments.Emulator.Tests.Postgres;

namespace OakNetwork.Payments.Emulator.Tests.Storage;

/// <summary>
/// The store contract on PostgreSQL (<c>OAK_TEST_POSTGRES</c>): one throwaway database for the class, emptied
/// before each test; skipped with the reason when no server is configured.
/// </summary>
[RequiresPostgres]
public sealed class PostgresStoreContractTests(PostgresDatabaseFixture database) : StoreContractTests, IClassFixture<PostgresDatabaseFixture>
{
    internal override IEmulatorStore NewStore() => new PostgresEmulatorStore(database.ConnectionString);
}
