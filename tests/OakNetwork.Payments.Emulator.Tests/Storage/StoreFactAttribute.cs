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
