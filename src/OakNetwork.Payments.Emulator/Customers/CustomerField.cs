using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Customers;

/// <summary>
/// A writable customer field: its wire (and column) name, its rule and how to read and write it on a record.
/// Values are <see cref="string"/>, <see cref="long"/> (for integers) or JSON text (for objects).
/// </summary>
internal sealed record CustomerField(
    string Name,
    CustomerFieldKind Kind,
    Func<CustomerRecord, object?> Get,
    Action<CustomerRecord, object?> Set,
    IReadOnlyList<string>? Choices = null);
