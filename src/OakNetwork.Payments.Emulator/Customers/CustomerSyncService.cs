using System.Text.Json;
using OakNetwork.Payments.Emulator.Api;
using OakNetwork.Payments.Emulator.Jobs;
using OakNetwork.Payments.Emulator.Json;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Customers;

/// <summary>
/// Provider sync (contract §4.5): scheduling marks the customer not synced and queues a durable job; the job,
/// after the sync delay, sets <c>synced_at</c> and <c>synced: true</c> unless the customer changed since, or
/// another sync is still queued.
/// </summary>
internal sealed class CustomerSyncService(JobScheduler jobs, TimeProvider time)
{
    public const string InvalidMessage = "Invalid provider or fields";

    public static SyncJobPayload ParseRequest(JsonElement body)
    {
        var errors = new List<FailureReason>();
        string? provider = null;
        if (!body.TryGetProperty("providers", out var providers) || providers.ValueKind == JsonValueKind.Null)
        {
            errors.Add(FailureReason.For("providers", "required", "providers is required"));
        }
        else
        {
            // Accepts "stripe" or ["stripe"]: exactly one provider either way.
            var single = providers.ValueKind == JsonValueKind.Array && providers.GetArrayLength() == 1 ? providers[0] : providers;
            if (single.ValueKind != JsonValueKind.String)
            {
                errors.Add(FailureReason.For("providers", "invalid_value", "providers must name exactly one provider, " + ContractVocabulary.OneOf(ContractVocabulary.SyncProviders)));
            }
            else
            {
                provider = JsonBody.StringValue(single, "providers", errors)?.ToLowerInvariant();
                if (provider is not null && !ContractVocabulary.SyncProviders.Contains(provider))
                {
                    errors.Add(FailureReason.For("providers", "invalid_value", "providers must be " + ContractVocabulary.OneOf(ContractVocabulary.SyncProviders)));
                    provider = null;
                }
            }
        }

        var fields = new List<string>();
        if (!body.TryGetProperty("fields", out var fieldArray) || fieldArray.ValueKind == JsonValueKind.Null)
        {
            errors.Add(FailureReason.For("fields", "required", "fields is required"));
        }
        else if (fieldArray.ValueKind != JsonValueKind.Array || fieldArray.GetArrayLength() == 0)
        {
            errors.Add(FailureReason.For("fields", "invalid_value", "fields must be a non-empty array, each " + ContractVocabulary.OneOf(ContractVocabulary.SyncFields)));
        }
        else
        {
            var index = 0;
            foreach (var item in fieldArray.EnumerateArray())
            {
                var name = $"fields.{index++}";
                var value = JsonBody.StringValue(item, name, errors)?.ToLowerInvariant();
                if (value is null)
                {
                    continue;
                }

                if (!ContractVocabulary.SyncFields.Contains(value))
                {
                    errors.Add(FailureReason.For(name, "invalid_value", $"{name} must be " + ContractVocabulary.OneOf(ContractVocabulary.SyncFields)));
                }
                else if (fields.Contains(value))
                {
                    errors.Add(FailureReason.For(name, "duplicate", $"{name} repeats {value}"));
                }
                else
                {
                    fields.Add(value);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw ApiException.Validation(InvalidMessage, [.. errors]);
        }

        return new SyncJobPayload(provider!, fields, 0);
    }

    public async Task ScheduleAsync(IStoreSession session, string merchantId, Guid customerId, SyncJobPayload request, CancellationToken cancellationToken)
    {
        var customer = await session.GetCustomerAsync(merchantId, customerId, cancellationToken).ConfigureAwait(false) ?? throw ApiException.NotFound();
        await session.SetCustomerSyncScheduledAsync(customer.Id, cancellationToken).ConfigureAwait(false);
        await jobs.ScheduleSyncAsync(session, customer.Id, request with { Version = customer.Version }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The sync job's work (its own row is already gone, so any pending sync is another one).</summary>
    public async Task FinishAsync(IStoreSession session, JobRecord job, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize(job.Payload, EmulatorJsonContext.Default.SyncJobPayload)
            ?? throw new InvalidOperationException("Empty sync job payload.");
        var pending = await session.CountPendingJobsAsync(job.CustomerId, JobKinds.Sync, cancellationToken).ConfigureAwait(false);
        await session.SetCustomerSyncFinishedAsync(job.CustomerId, time.GetUtcNow(), synced: pending == 0, payload.Version, cancellationToken).ConfigureAwait(false);
    }
}
