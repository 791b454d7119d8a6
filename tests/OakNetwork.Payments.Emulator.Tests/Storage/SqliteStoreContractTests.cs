using Microsoft.Data.Sqlite;
using OakNetwork.Payments.Emulator.Storage;
using OakNetwork.Payments.Emulator.Storage.Sqlite;

namespace OakNetwork.Payments.Emulator.Tests.Storage;

/// <summary>The store contract on SQLite: a fresh data file per test, shared by the test's store instances.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "oak-store-contract-" + Guid.NewGuid().ToString("N"));

    internal override IEmulatorStore NewStore() => new SqliteEmulatorStore(Path.Combine(_folder, "emulator.db"), deleteOnDispose: false);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
