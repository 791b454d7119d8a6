using System.Text.Json;
using OakNetwork.Payments.Emulator.Api;
using OakNetwork.Payments.Emulator.Json;
using OakNetwork.Payments.Emulator.Platforms;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Customers;

/// <summary>Customer create, read, list and update (contract §4.1–§4.4), within the caller's unit of work.</summary>
internal sealed class CustomerService(TimeProvider time, KycSimulator kyc)
{
    public const string AlreadyExists = "Customer already exists";

    public async Task<CustomerRecord> CreateAsync(IStoreSession session, string merchantId, JsonElement body, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var values = CustomerInputParser.Parse(body, isCreate: true, DateOnly.FromDateTime(now.UtcDateTime));
        var customer = new CustomerRecord
        {
            Id = Guid.NewGuid(),
            MerchantId = merchantId,
            Status = LifecycleStatus.NotStarted,
            Synced = false,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var (field, value) in values)
        {
            field.Set(customer, value);
        }

        if (await session.EmailTakenAsync(merchantId, customer.Email, null, cancellationToken).ConfigureAwait(false)
            || await session.InsertCustomerAsync(customer, cancellationToken).ConfigureAwait(false) == SaveOutcome.DuplicateEmail)
        {
            throw DuplicateEmail();
        }

        return customer;
    }

    public static async Task<CustomerRecord> GetAsync(IStoreSession session, string merchantId, Guid id, CancellationToken cancellationToken) =>
        await session.GetCustomerAsync(merchantId, id, cancellationToken).ConfigureAwait(false) ?? throw ApiException.NotFound();

    public static Task<CustomerPage> ListAsync(IStoreSession session, CustomerQuery query, CancellationToken cancellationToken) =>
        session.ListCustomersAsync(query, cancellationToken);

    public async Task<CustomerRecord> UpdateAsync(IStoreSession session, string merchantId, Guid id, JsonElement body, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var values = CustomerInputParser.Parse(body, isCreate: false, DateOnly.FromDateTime(now.UtcDateTime));
        var current = await GetAsync(session, merchantId, id, cancellationToken).ConfigureAwait(false);
        var updated = current.Copy();
        var changed = false;
        foreach (var (field, value) in values)
        {
            if (!Equals(field.Get(updated), value))
            {
                field.Set(updated, value);
                changed = true;
            }
        }

        if (!changed)
        {
            return current;
        }

        if (!string.Equals(current.Email, updated.Email, StringComparison.OrdinalIgnoreCase)
            && await session.EmailTakenAsync(merchantId, updated.Email, id, cancellationToken).ConfigureAwait(false))
        {
            throw DuplicateEmail();
        }

        updated.Version = current.Version + 1;
        updated.UpdatedAt = now;
        updated.Synced = false;
        switch (await session.UpdateCustomerDataAsync(updated, current.Version, cancellationToken).ConfigureAwait(false))
        {
            case SaveOutcome.DuplicateEmail:
                throw DuplicateEmail();
            case SaveOutcome.VersionConflict:
                throw new ApiException(409, "Customer was modified concurrently; retry",
                    [new FailureReason("version_conflict", "Customer was modified concurrently; retry", [])]);
        }

        await kyc.OnCustomerChangedAsync(session, updated, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    private static ApiException DuplicateEmail() =>
        ApiException.Validation(AlreadyExists, FailureReason.For("email", "already_exists", "A customer with this email already exists"));
}
