using OakNetwork.Payments.Emulator.Tests.Postgres;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace OakNetwork.Payments.Emulator.Tests.Storage;

/// <summary>A test case skipped when its class needs PostgreSQL and none is configured.</summary>
public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var needsPostgres = TestMethod.TestClass.Class.ToRuntimeType().IsDefined(typeof(RequiresPostgresAttribute), inherit: true);
        return needsPostgres && PostgresTestServer.ConnectionString is null ? PostgresTestServer.SkipReason : base.GetSkipReason(factAttribute);
    }
}
