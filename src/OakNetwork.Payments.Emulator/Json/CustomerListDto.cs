namespace OakNetwork.Payments.Emulator.Json;

/// <summary>The list payload (contract §4.3).</summary>
internal sealed record CustomerListDto(long Count, IReadOnlyList<CustomerDto> CustomerList);
