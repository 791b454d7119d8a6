using OakNetwork.Payments.Emulator.Tests.Postgres;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace OakNetwork.Payments.Emulator.Tests.Storage;

/// <summary>
/// A store contract test. It runs for every concrete store test class; in a class marked
/// <see cref="RequiresPostgresAttribute"/> it is reported as skipped, with the reason, when no PostgreSQL server is
/// configured. (xUnit 2 has no dynamic skip and a base-class [Fact] cannot know its subclass, hence the discoverer.)
/// </summary>
[XunitTestCaseDiscoverer("OakNetwork.Payments.Emulator.Tests.Storage.StoreFactDiscoverer", "OakNetwork.Payments.Emulator.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Marks a test class whose tests need the PostgreSQL server of <c>OAK_TEST_POSTGRES</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;

/// <summary>Discovers <see cref="StoreFactAttribute"/> tests as <see cref="StoreTestCase"/>s.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new StoreTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}

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
