using System.Text.Json;
using OakNetwork.Payments.Emulator.Customers;
using OakNetwork.Payments.Emulator.Jobs;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Platforms;

/// <summary>
/// The emulator's simulation of a provider KYC flow over the 12 lifecycle statuses of contract §3:
/// <c>NOT_STARTED</c> → (platform data) <c>INITIATED</c> → (review) <c>INCOMPLETE</c> when required fields are
/// missing, <c>DOCUMENT_REQUIRED</c> when no document was uploaded, else <c>DOCUMENT_PENDING</c> →
/// <c>DOCUMENT_APPROVED</c> → <c>IN_REVIEW</c> → <c>PROCESSING</c> → <c>AWAITING_CONFIRMATION</c>, where it waits for
/// a decision (admin API): <c>APPROVED</c>, <c>REJECTED</c>, or <c>PENDING</c> for restricted/error registrations.
/// Each automatic step is a durable review job run after the configured review delay.
/// </summary>
internal sealed class KycSimulator(JobScheduler jobs, TimeProvider time)
{
    /// <summary>The customer fields a provider needs before it reviews documents.</summary>
    public static readonly IReadOnlyList<string> RequiredFields =
        ["email", "first_name", "last_name", "document_number", "document_type", "dob", "country_code"];

    private static readonly HashSet<string> FinalRegistrationStatuses = ["approved", "rejected", "cancelled"];

    /// <summary>A registration was created or updated with new data.</summary>
    public async Task OnRegistrationSubmittedAsync(IStoreSession session, CustomerRecord customer, CancellationToken cancellationToken)
    {
        switch (customer.Status)
        {
            case LifecycleStatus.NotStarted or LifecycleStatus.Initiated or LifecycleStatus.Incomplete or LifecycleStatus.DocumentRequired:
                await SetStatusAsync(session, customer, LifecycleStatus.Initiated, cancellationToken).ConfigureAwait(false);
                break;
            case LifecycleStatus.DocumentPending or LifecycleStatus.DocumentApproved or LifecycleStatus.InReview or LifecycleStatus.Processing:
                break; // a review is under way and carries the new registration along
            default:
                await SetStatusAsync(session, customer, LifecycleStatus.InReview, cancellationToken).ConfigureAwait(false);
                break;
        }

        await jobs.ScheduleReviewAsync(session, customer.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Documents were uploaded: a customer waiting for them moves to <c>DOCUMENT_PENDING</c>.</summary>
    public async Task OnDocumentsUploadedAsync(IStoreSession session, CustomerRecord customer, CancellationToken cancellationToken)
    {
        if (customer.Status != LifecycleStatus.DocumentRequired)
        {
            return;
        }

        await SetStatusAsync(session, customer, LifecycleStatus.DocumentPending, cancellationToken).ConfigureAwait(false);
        await UpdateOpenRegistrationsAsync(session, customer, "submitted", null, null, cancellationToken).ConfigureAwait(false);
        await jobs.ScheduleReviewAsync(session, customer.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The customer's data changed: an incomplete customer is reviewed again.</summary>
    public async Task OnCustomerChangedAsync(IStoreSession session, CustomerRecord customer, CancellationToken cancellationToken)
    {
        if (customer.Status == LifecycleStatus.Incomplete)
        {
            await jobs.ScheduleReviewAsync(session, customer.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one review step (the review job's work).</summary>
    public async Task AdvanceAsync(IStoreSession session, Guid customerId, CancellationToken cancellationToken)
    {
        var customer = await session.GetCustomerAnyMerchantAsync(customerId, cancellationToken).ConfigureAwait(false);
        if (customer is null)
        {
            return;
        }

        switch (customer.Status)
        {
            case LifecycleStatus.Initiated or LifecycleStatus.Incomplete or LifecycleStatus.DocumentRequired:
                var missing = MissingFields(customer);
                if (missing.Count > 0)
                {
                    await SetStatusAsync(session, customer, LifecycleStatus.Incomplete, cancellationToken).ConfigureAwait(false);
                    await UpdateOpenRegistrationsAsync(session, customer, "not_submitted", Readiness(missing, documentsRequired: false), "provide_missing_fields", cancellationToken).ConfigureAwait(false);
                }
                else if ((await session.ListFilesAsync(customer.Id, cancellationToken).ConfigureAwait(false)).Count == 0)
                {
                    await SetStatusAsync(session, customer, LifecycleStatus.DocumentRequired, cancellationToken).ConfigureAwait(false);
                    await UpdateOpenRegistrationsAsync(session, customer, "not_submitted", Readiness([], documentsRequired: true), "upload_documents", cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await SetStatusAsync(session, customer, LifecycleStatus.DocumentPending, cancellationToken).ConfigureAwait(false);
                    await UpdateOpenRegistrationsAsync(session, customer, "submitted", null, null, cancellationToken).ConfigureAwait(false);
                    await jobs.ScheduleReviewAsync(session, customer.Id, cancellationToken).ConfigureAwait(false);
                }

                break;
            case LifecycleStatus.DocumentPending:
                await StepAsync(session, customer, LifecycleStatus.DocumentApproved, null, cancellationToken).ConfigureAwait(false);
                break;
            case LifecycleStatus.DocumentApproved:
                await StepAsync(session, customer, LifecycleStatus.InReview, null, cancellationToken).ConfigureAwait(false);
                break;
            case LifecycleStatus.InReview:
                await StepAsync(session, customer, LifecycleStatus.Processing, "processing", cancellationToken).ConfigureAwait(false);
                break;
            case LifecycleStatus.Processing:
                await SetStatusAsync(session, customer, LifecycleStatus.AwaitingConfirmation, cancellationToken).ConfigureAwait(false);
                await UpdateOpenRegistrationsAsync(session, customer, "awaiting_confirmation", null, null, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Records a provider's decision on a registration and moves the customer accordingly.</summary>
    public async Task DecideAsync(IStoreSession session, CustomerRecord customer, RegistrationRecord registration, string status, string? rejectionReason, CancellationToken cancellationToken)
    {
        registration.Status = status;
        registration.RejectionReason = status == "rejected" ? rejectionReason ?? "Rejected by the provider" : rejectionReason;
        registration.Readiness = null;
        registration.ActionRequired = status is "restricted" ? "contact_support" : status is "not_submitted" ? "provide_missing_fields" : null;
        registration.UpdatedAt = time.GetUtcNow();
        await session.UpsertRegistrationAsync(registration, cancellationToken).ConfigureAwait(false);

        var customerStatus = status switch
        {
            "approved" => LifecycleStatus.Approved,
            "rejected" or "cancelled" => LifecycleStatus.Rejected,
            "awaiting_confirmation" => LifecycleStatus.AwaitingConfirmation,
            "processing" => LifecycleStatus.Processing,
            "submitted" => LifecycleStatus.InReview,
            "not_submitted" => LifecycleStatus.Incomplete,
            _ => LifecycleStatus.Pending, // restricted, error
        };
        await SetStatusAsync(session, customer, customerStatus, cancellationToken).ConfigureAwait(false);
    }

    public static IReadOnlyList<string> MissingFields(CustomerRecord customer)
    {
        var missing = new List<string>();
        foreach (var name in RequiredFields)
        {
            var field = CustomerFields.All.First(f => f.Name == name);
            if (field.Get(customer) is null or "")
            {
                missing.Add(name);
            }
        }

        return missing;
    }

    private async Task StepAsync(IStoreSession session, CustomerRecord customer, string status, string? registrationStatus, CancellationToken cancellationToken)
    {
        await SetStatusAsync(session, customer, status, cancellationToken).ConfigureAwait(false);
        if (registrationStatus is not null)
        {
            await UpdateOpenRegistrationsAsync(session, customer, registrationStatus, null, null, cancellationToken).ConfigureAwait(false);
        }

        await jobs.ScheduleReviewAsync(session, customer.Id, cancellationToken).ConfigureAwait(false);
    }

    private static async Task SetStatusAsync(IStoreSession session, CustomerRecord customer, string status, CancellationToken cancellationToken)
    {
        if (customer.Status != status)
        {
            customer.Status = status;
            await session.SetCustomerStatusAsync(customer.Id, status, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task UpdateOpenRegistrationsAsync(IStoreSession session, CustomerRecord customer, string status, string? readiness, string? actionRequired, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var registration in customer.Platforms.Where(r => !FinalRegistrationStatuses.Contains(r.Status)))
        {
            registration.Status = status;
            registration.Readiness = readiness;
            registration.ActionRequired = actionRequired;
            registration.RejectionReason = null;
            registration.UpdatedAt = now;
            await session.UpsertRegistrationAsync(registration, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Readiness(IReadOnlyList<string> missingFields, bool documentsRequired)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("missing_fields");
            foreach (var field in missingFields)
            {
                writer.WriteStringValue(field);
            }

            writer.WriteEndArray();
            writer.WriteBoolean("documents_required", documentsRequired);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
