namespace OakNetwork.Payments.Emulator.Storage;

/// <summary>One page of a customer list and the total count of matches.</summary>
internal sealed record CustomerPage(long Count, IReadOnlyList<CustomerRecord> Items);
