using System.Text.Json;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.Emulator.Json;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Jobs;

/// <summary>Queues background jobs in the caller's unit of work, so a job exists exactly when its cause was committed.</summary>
internal sealed class JobScheduler(TimeProvider time, EmulatorOptions options)
{
    public Task ScheduleSyncAsync(IStoreSession session, Guid customerId, SyncJobPayload payload, CancellationToken cancellationToken) =>
        session.EnqueueJobAsync(
            new JobRecord(Guid.NewGuid(), JobKinds.Sync, customerId, JsonSerializer.Serialize(payload, EmulatorJsonContext.Default.SyncJobPayload), time.GetUtcNow() + options.SyncDelay, 0),
            cancellationToken);

    /// <summary>Queues the next review step unless one is already queued for the customer.</summary>
    public async Task ScheduleReviewAsync(IStoreSession session, Guid customerId, CancellationToken cancellationToken)
    {
        if (await session.CountPendingJobsAsync(customerId, JobKinds.Review, cancellationToken).ConfigureAwait(false) > 0)
        {
            return;
        }

        await session.EnqueueJobAsync(
            new JobRecord(Guid.NewGuid(), JobKinds.Review, customerId, "{}", time.GetUtcNow() + options.ReviewDelay, 0),
            cancellationToken).ConfigureAwait(false);
    }
}
