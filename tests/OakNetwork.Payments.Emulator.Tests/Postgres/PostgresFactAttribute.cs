namespace OakNetwork.Payments.Emulator.Tests.Postgres;

/// <summary>
/// A test that needs a PostgreSQL server: reported as skipped, with the reason, when <c>OAK_TEST_POSTGRES</c> is
/// not set (never silently passed).
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestServer.ConnectionString is null)
        {
            Skip = PostgresTestServer.SkipReason;
        }
    }
}
