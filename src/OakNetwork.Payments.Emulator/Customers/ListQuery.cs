using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Customers;

/// <summary>A parsed list request: the store query and what to echo in the paging headers.</summary>
internal sealed record ListQuery(CustomerQuery Query, string LimitRequested, string OffsetRequested);
