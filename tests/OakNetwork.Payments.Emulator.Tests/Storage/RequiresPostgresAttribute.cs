namespace OakNetwork.Payments.Emulator.Tests.Storage;

/// <summary>Marks a test class whose tests need the PostgreSQL server of <c>OAK_TEST_POSTGRES</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;
