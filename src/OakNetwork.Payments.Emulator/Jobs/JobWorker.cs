using OakNetwork.Payments.Emulator.Customers;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.Emulator.Platforms;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Jobs;

/// <summary>
/// Runs due jobs from the durable job table. Each job is claimed, worked and completed in one write transaction:
/// a crash before the commit leaves the job queued (it runs after the restart), and no two sessions can hold the
/// same job (SQLite's write lock; <c>FOR UPDATE SKIP LOCKED</c> in PostgreSQL), so a job's effects commit once.
/// A failing job is retried with back-off, then dropped after <see cref="MaxAttempts"/> attempts.
/// </summary>
internal sealed partial class JobWorker(
    IEmulatorStore store,
    JobSignal signal,
    TimeProvider time,
    CustomerSyncService sync,
    KycSimulator kyc,
    EmulatorOptions options,
    ILogger<JobWorker> logger) : BackgroundService
{
    public const int MaxAttempts = 5;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);
    private DateTimeOffset _nextPurge;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOneDueJobAsync(stoppingToken).ConfigureAwait(false))
                {
                    continue;
                }

                await PurgeIdempotencyKeysIfDueAsync(stoppingToken).ConfigureAwait(false);
                var next = await store.NextJobDueAtAsync(stoppingToken).ConfigureAwait(false);
                var wait = next is { } due ? due - time.GetUtcNow() : IdlePoll;
                wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > IdlePoll ? IdlePoll : wait;
                if (wait > TimeSpan.Zero)
                {
                    await signal.WaitAsync(wait, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogLoopFailure(logger, e.GetType().FullName ?? "Exception");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Runs one due job if there is one; true when a job was run.</summary>
    internal async Task<bool> RunOneDueJobAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var next = await store.NextJobDueAtAsync(cancellationToken).ConfigureAwait(false);
        if (next is null || next > now)
        {
            return false;
        }

        JobRecord? job;
        string failure = "";
        var session = await store.OpenSessionAsync(write: true, cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            job = await session.ClaimDueJobAsync(now, cancellationToken).ConfigureAwait(false);
            if (job is null)
            {
                return false;
            }

            try
            {
                // Completed first, in the same transaction as the work: the work commits with it or not at all,
                // and the job's own row does not count as "pending" while it runs.
                await session.CompleteJobAsync(job.Id, cancellationToken).ConfigureAwait(false);
                switch (job.Kind)
                {
                    case JobKinds.Sync:
                        await sync.FinishAsync(session, job, cancellationToken).ConfigureAwait(false);
                        break;
                    case JobKinds.Review:
                        await kyc.AdvanceAsync(session, job.CustomerId, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        LogUnknownKind(logger, job.Kind);
                        break;
                }

                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failure = e.GetType().FullName ?? "Exception";
            }
        }

        // The failed attempt was rolled back; record it in a new transaction.
        var retry = await store.OpenSessionAsync(write: true, cancellationToken).ConfigureAwait(false);
        await using (retry.ConfigureAwait(false))
        {
            if (job.Attempts + 1 >= MaxAttempts)
            {
                LogDropped(logger, job.Kind, job.Id, failure);
                await retry.CompleteJobAsync(job.Id, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                LogRetry(logger, job.Kind, job.Id, failure);
                var backoff = TimeSpan.FromMilliseconds(200 * Math.Pow(2, job.Attempts));
                await retry.RescheduleJobAsync(job.Id, time.GetUtcNow() + backoff, failure, cancellationToken).ConfigureAwait(false);
            }

            await retry.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task PurgeIdempotencyKeysIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextPurge)
        {
            return;
        }

        _nextPurge = now + PurgeInterval;
        var session = await store.OpenSessionAsync(write: true, cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            await session.PurgeIdempotencyRecordsAsync(now - options.IdempotencyWindow, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Job {Kind} {JobId} failed with {Failure}; retrying")]
    private static partial void LogRetry(ILogger logger, string kind, Guid jobId, string failure);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Job {Kind} {JobId} failed with {Failure} too often; dropped")]
    private static partial void LogDropped(ILogger logger, string kind, Guid jobId, string failure);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Job of unknown kind {Kind} completed without work")]
    private static partial void LogUnknownKind(ILogger logger, string kind);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "The job worker's loop failed with {Failure}; pausing")]
    private static partial void LogLoopFailure(ILogger logger, string failure);
}
