namespace OakNetwork.Payments.Emulator.Storage;

/// <summary>A durable background job (simulated provider work).</summary>
/// <param name="Id">The job id.</param>
/// <param name="Kind">What to do (see <see cref="Jobs.JobKinds"/>).</param>
/// <param name="CustomerId">The customer concerned.</param>
/// <param name="Payload">Kind-specific JSON.</param>
/// <param name="DueAt">When it may run.</param>
/// <param name="Attempts">How many times it failed before.</param>
internal sealed record JobRecord(Guid Id, string Kind, Guid CustomerId, string Payload, DateTimeOffset DueAt, int Attempts);
