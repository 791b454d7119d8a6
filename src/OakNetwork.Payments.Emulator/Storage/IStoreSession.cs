namespace OakNetwork.Payments.Emulator.Storage;

/// <summary>
/// A unit of work over the store: every call runs in one transaction, committed by <see cref="CommitAsync"/> and
/// rolled back on dispose otherwise. Implementations keep all SQL to themselves.
/// </summary>
internal interface IStoreSession : IAsyncDisposable
{
    // Merchants

    Task<MerchantRecord?> FindMerchantByClientIdAsync(string clientId, CancellationToken cancellationToken);

    Task<MerchantRecord?> FindMerchantAsync(string merchantId, CancellationToken cancellationToken);

    /// <summary>Adds a merchant; false when the client id is taken.</summary>
    Task<bool> InsertMerchantAsync(MerchantRecord merchant, CancellationToken cancellationToken);

    /// <summary>Creates the development merchant, or updates its credentials to the given ones.</summary>
    Task<MerchantRecord> UpsertDevelopmentMerchantAsync(string clientId, byte[] secretHash, DateTimeOffset now, CancellationToken cancellationToken);

    // Customers

    /// <summary>The merchant's customer with its registrations, or null (also for another merchant's customer).</summary>
    Task<CustomerRecord?> GetCustomerAsync(string merchantId, Guid customerId, CancellationToken cancellationToken);

    /// <summary>A customer of any merchant (admin API and background jobs).</summary>
    Task<CustomerRecord?> GetCustomerAnyMerchantAsync(Guid customerId, CancellationToken cancellationToken);

    Task<SaveOutcome> InsertCustomerAsync(CustomerRecord customer, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the customer's writable fields, <c>version</c>, <c>updated_at</c> and <c>synced</c> when the stored
    /// version is <paramref name="expectedVersion"/> (lifecycle status and sync time are left alone).
    /// </summary>
    Task<SaveOutcome> UpdateCustomerDataAsync(CustomerRecord customer, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Sets the lifecycle status only.</summary>
    Task SetCustomerStatusAsync(Guid customerId, string status, CancellationToken cancellationToken);

    /// <summary>Marks the customer as not synced (a sync was scheduled).</summary>
    Task SetCustomerSyncScheduledAsync(Guid customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a finished sync: <c>synced_at</c> is set, and <c>synced</c> becomes <paramref name="synced"/> only if
    /// the customer is still at <paramref name="versionAtSchedule"/> (nothing changed since), false otherwise.
    /// </summary>
    Task SetCustomerSyncFinishedAsync(Guid customerId, DateTimeOffset finishedAt, bool synced, long versionAtSchedule, CancellationToken cancellationToken);

    /// <summary>Whether another customer of the merchant uses the email (compared case-insensitively).</summary>
    Task<bool> EmailTakenAsync(string merchantId, string email, Guid? exceptCustomerId, CancellationToken cancellationToken);

    /// <summary>A page of customers with their registrations (loaded in one query, not one per customer).</summary>
    Task<CustomerPage> ListCustomersAsync(CustomerQuery query, CancellationToken cancellationToken);

    // Registrations

    Task UpsertRegistrationAsync(RegistrationRecord registration, CancellationToken cancellationToken);

    Task<IReadOnlyList<RegistrationRecord>> GetRegistrationsAsync(Guid customerId, CancellationToken cancellationToken);

    // Accounts and balances

    /// <summary>Creates the account for (provider, role) unless it exists; returns it.</summary>
    Task<AccountRecord> EnsureAccountAsync(Guid customerId, string provider, string role, string defaultCurrency, DateTimeOffset now, CancellationToken cancellationToken);

    Task SetBalanceTotalAsync(string accountId, BalanceTotalRecord total, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccountRecord>> GetAccountsAsync(Guid customerId, CancellationToken cancellationToken);

    // Files

    Task InsertFileAsync(FileRecord file, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The customer's files, newest first.</summary>
    Task<IReadOnlyList<FileRecord>> ListFilesAsync(Guid customerId, CancellationToken cancellationToken);

    Task<(FileRecord File, byte[] Content)?> GetFileContentAsync(Guid fileId, CancellationToken cancellationToken);

    // Jobs

    Task EnqueueJobAsync(JobRecord job, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the earliest due job for this session's transaction: no other session can take it until this one
    /// ends (SQLite: the write lock; PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>). The caller does the work and
    /// calls <see cref="CompleteJobAsync"/> in the same transaction, so the work and the completion commit together.
    /// </summary>
    Task<JobRecord?> ClaimDueJobAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task CompleteJobAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>Pushes a failed job back with its attempt count raised.</summary>
    Task RescheduleJobAsync(Guid jobId, DateTimeOffset dueAt, string error, CancellationToken cancellationToken);

    Task<int> CountPendingJobsAsync(Guid customerId, string kind, CancellationToken cancellationToken);

    // Idempotency

    /// <summary>
    /// The remembered answer for (merchant, key) created after <paramref name="notBefore"/>, or null. Called in a
    /// write session, it serializes concurrent requests with the same key until this transaction ends.
    /// </summary>
    Task<IdempotencyRecord?> FindIdempotencyRecordAsync(string merchantId, string key, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>Remembers an answer (replacing an expired record with the same key).</summary>
    Task SaveIdempotencyRecordAsync(IdempotencyRecord record, CancellationToken cancellationToken);

    Task<int> PurgeIdempotencyRecordsAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);

    // Admin

    /// <summary>Deletes all data except the development merchant.</summary>
    Task ResetAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
