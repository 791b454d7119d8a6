using OakNetwork.Payments.Emulator.Customers;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Tests.Storage;

/// <summary>
/// The store contract: what the domain relies on from <see cref="IEmulatorStore"/>, run unchanged against every
/// store (SQLite and PostgreSQL subclasses), including the concurrency guarantees that SQLite gets from its write
/// lock and PostgreSQL from row and advisory locks.
/// </summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private readonly List<IEmulatorStore> _stores = [];

    /// <summary>A new store over this test's data (several calls: several instances on the same data).</summary>
    internal abstract IEmulatorStore NewStore();

    internal IEmulatorStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await StartAsync();
        await WriteAsync(s => s.ResetAsync(default));
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    private async Task<IEmulatorStore> StartAsync()
    {
        var store = NewStore();
        _stores.Add(store);
        await store.InitializeAsync(default);
        return store;
    }

    private async Task WriteAsync(Func<IStoreSession, Task> work)
    {
        await using var session = await Store.OpenSessionAsync(write: true, default);
        await work(session);
        await session.CommitAsync(default);
    }

    private async Task<T> WriteAsync<T>(Func<IStoreSession, Task<T>> work)
    {
        await using var session = await Store.OpenSessionAsync(write: true, default);
        var result = await work(session);
        await session.CommitAsync(default);
        return result;
    }

    private async Task<T> ReadAsync<T>(Func<IStoreSession, Task<T>> work)
    {
        await using var session = await Store.OpenSessionAsync(write: false, default);
        return await work(session);
    }

    /// <summary>Now, to the microsecond (what both stores keep).</summary>
    private static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        return now.AddTicks(-(now.UtcTicks % 10));
    }

    private async Task<string> NewMerchantAsync()
    {
        var merchant = new MerchantRecord(Guid.NewGuid().ToString(), "client-" + Guid.NewGuid().ToString("N"), [1, 2, 3], false, Now());
        Assert.True(await WriteAsync(s => s.InsertMerchantAsync(merchant, default)));
        return merchant.Id;
    }

    private static CustomerRecord NewCustomer(string merchantId, string? email = null, DateTimeOffset? createdAt = null)
    {
        var at = createdAt ?? Now();
        return new CustomerRecord
        {
            Id = Guid.NewGuid(),
            MerchantId = merchantId,
            Email = email ?? $"c{Guid.NewGuid():N}@example.com",
            Status = "NOT_STARTED",
            Version = 1,
            CreatedAt = at,
            UpdatedAt = at,
        };
    }

    private Task<SaveOutcome> InsertAsync(CustomerRecord customer) => WriteAsync(s => s.InsertCustomerAsync(customer, default));

    // ---- Start-up ----

    [StoreFact]
    public async Task Initialize_is_repeatable_and_keeps_one_signing_secret_for_every_instance()
    {
        var first = await Store.InitializeAsync(default);
        var stores = Enumerable.Range(0, 3).Select(_ => NewStore()).ToList();
        _stores.AddRange(stores);
        var others = await Task.WhenAll(stores.Select(store => Task.Run(() => store.InitializeAsync(default))));

        Assert.Equal(32, first.Length);
        Assert.All(others, secret => Assert.Equal(first, secret));
    }

    [StoreFact]
    public async Task The_development_merchant_is_created_once_and_its_credentials_follow_the_options()
    {
        var created = await WriteAsync(s => s.UpsertDevelopmentMerchantAsync("dev-a", [1], Now(), default));
        var again = await WriteAsync(s => s.UpsertDevelopmentMerchantAsync("dev-b", [2], Now(), default));

        Assert.Equal(created.Id, again.Id);
        Assert.Null(await ReadAsync(s => s.FindMerchantByClientIdAsync("dev-a", default)));
        var found = await ReadAsync(s => s.FindMerchantByClientIdAsync("dev-b", default));
        Assert.NotNull(found);
        Assert.True(found.IsDevelopment);
        Assert.Equal([2], found.SecretHash);
    }

    [StoreFact]
    public async Task A_taken_client_id_is_refused()
    {
        var merchant = new MerchantRecord(Guid.NewGuid().ToString(), "same-client", [1], false, Now());
        Assert.True(await WriteAsync(s => s.InsertMerchantAsync(merchant, default)));
        Assert.False(await WriteAsync(s => s.InsertMerchantAsync(merchant with { Id = Guid.NewGuid().ToString() }, default)));
        Assert.Equal(merchant, (await ReadAsync(s => s.FindMerchantAsync(merchant.Id, default)))! with { SecretHash = merchant.SecretHash });
    }

    [StoreFact]
    public async Task A_removed_merchant_is_not_found_however_often_and_whenever_it_was_looked_up_before()
    {
        var merchantId = await NewMerchantAsync();
        Assert.NotNull(await ReadAsync(s => s.FindMerchantAsync(merchantId, default)));
        Assert.NotNull(await ReadAsync(s => s.FindMerchantAsync(merchantId, default)));

        // A session whose snapshot predates the reset may still see the merchant, but must not make it visible later.
        await using (var early = await Store.OpenSessionAsync(write: false, default))
        {
            await early.FindMerchantByClientIdAsync("no-such-client", default);
            await WriteAsync(s => s.ResetAsync(default));
            await early.FindMerchantAsync(merchantId, default);
        }

        Assert.Null(await ReadAsync(s => s.FindMerchantAsync(merchantId, default)));
        Assert.Null(await ReadAsync(s => s.FindMerchantAsync(merchantId, default)));

        // A merchant seen only inside a write session that rolled back never existed.
        var ghost = new MerchantRecord(Guid.NewGuid().ToString(), "ghost-" + Guid.NewGuid().ToString("N"), [1], false, Now());
        await using (var rolledBack = await Store.OpenSessionAsync(write: true, default))
        {
            Assert.True(await rolledBack.InsertMerchantAsync(ghost, default));
            Assert.NotNull(await rolledBack.FindMerchantAsync(ghost.Id, default));
        }

        Assert.Null(await ReadAsync(s => s.FindMerchantAsync(ghost.Id, default)));
    }

    // ---- Customers ----

    [StoreFact]
    public async Task Every_customer_field_round_trips()
    {
        var merchant = await NewMerchantAsync();
        var customer = NewCustomer(merchant);
        foreach (var field in CustomerFields.All.Where(f => f.Name != "email"))
        {
            field.Set(customer, field.Kind switch
            {
                CustomerFieldKind.NonNegativeInteger => (object)9_007_199_254_740_993L,
                CustomerFieldKind.Object => """{"nested":{"a":[1,2]},"é":"ü"}""",
                _ => "v-" + field.Name + "-ação",
            });
        }

        customer.SyncedAt = Now().AddMinutes(-1);
        Assert.Equal(SaveOutcome.Saved, await InsertAsync(customer));

        var read = await ReadAsync(s => s.GetCustomerAsync(merchant, customer.Id, default));
        Assert.NotNull(read);
        foreach (var field in CustomerFields.All)
        {
            Assert.Equal(field.Get(customer), field.Get(read));
        }

        Assert.Equal((customer.Id, customer.MerchantId, customer.Status, customer.Synced, customer.SyncedAt, customer.Version, customer.CreatedAt, customer.UpdatedAt),
            (read.Id, read.MerchantId, read.Status, read.Synced, read.SyncedAt, read.Version, read.CreatedAt, read.UpdatedAt));
        Assert.Empty(read.Platforms);
    }

    [StoreFact]
    public async Task Another_merchants_customer_is_not_found_but_background_work_sees_it()
    {
        var owner = await NewMerchantAsync();
        var other = await NewMerchantAsync();
        var customer = NewCustomer(owner);
        await InsertAsync(customer);

        Assert.Null(await ReadAsync(s => s.GetCustomerAsync(other, customer.Id, default)));
        Assert.Equal(customer.Id, (await ReadAsync(s => s.GetCustomerAnyMerchantAsync(customer.Id, default)))?.Id);
        Assert.Null(await ReadAsync(s => s.GetCustomerAnyMerchantAsync(Guid.NewGuid(), default)));
    }

    [StoreFact]
    public async Task Emails_are_unique_per_merchant_ignoring_case_on_insert_and_update()
    {
        var merchant = await NewMerchantAsync();
        var other = await NewMerchantAsync();
        var first = NewCustomer(merchant, "Ana@Example.com");
        var second = NewCustomer(merchant, "bia@example.com");
        await InsertAsync(first);
        await InsertAsync(second);

        Assert.True(await ReadAsync(s => s.EmailTakenAsync(merchant, "ANA@example.COM", null, default)));
        Assert.False(await ReadAsync(s => s.EmailTakenAsync(merchant, "ana@example.com", first.Id, default)));
        Assert.False(await ReadAsync(s => s.EmailTakenAsync(other, "ana@example.com", null, default)));
        Assert.Equal(SaveOutcome.DuplicateEmail, await InsertAsync(NewCustomer(merchant, "ANA@EXAMPLE.COM")));
        Assert.Equal(SaveOutcome.Saved, await InsertAsync(NewCustomer(other, "ana@example.com")));

        await using var session = await Store.OpenSessionAsync(write: true, default);
        var changed = second.Copy();
        changed.Email = "ana@EXAMPLE.com";
        changed.Version = 2;
        Assert.Equal(SaveOutcome.DuplicateEmail, await session.UpdateCustomerDataAsync(changed, 1, default));
    }

    [StoreFact]
    public async Task An_update_with_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var merchant = await NewMerchantAsync();
        var customer = NewCustomer(merchant);
        await InsertAsync(customer);
        var changed = customer.Copy();
        changed.FirstName = "New";
        changed.Version = 2;
        changed.UpdatedAt = Now();

        Assert.Equal(SaveOutcome.Saved, await WriteAsync(s => s.UpdateCustomerDataAsync(changed, 1, default)));
        Assert.Equal(SaveOutcome.VersionConflict, await WriteAsync(s => s.UpdateCustomerDataAsync(changed, 1, default)));

        var read = await ReadAsync(s => s.GetCustomerAsync(merchant, customer.Id, default));
        Assert.Equal(("New", 2L), (read!.FirstName, read.Version));
    }

    [StoreFact]
    public async Task Sync_finish_sets_synced_only_when_the_version_is_unchanged()
    {
        var merchant = await NewMerchantAsync();
        var customer = NewCustomer(merchant);
        customer.Synced = true;
        await InsertAsync(customer);
        var finished = Now();

        await WriteAsync(s => s.SetCustomerSyncScheduledAsync(customer.Id, default));
        Assert.False((await ReadAsync(s => s.GetCustomerAsync(merchant, customer.Id, default)))!.Synced);
        await WriteAsync(s => s.SetCustomerSyncFinishedAsync(customer.Id, finished, synced: true, versionAtSchedule: 2, default));
        var stale = await ReadAsync(s => s.GetCustomerAsync(merchant, customer.Id, default));
        Assert.Equal((false, finished), (stale!.Synced, stale.SyncedAt));
        await WriteAsync(s => s.SetCustomerSyncFinishedAsync(customer.Id, finished, synced: true, versionAtSchedule: 1, default));
        await WriteAsync(s => s.SetCustomerStatusAsync(customer.Id, "APPROVED", default));
        var done = await ReadAsync(s => s.GetCustomerAsync(merchant, customer.Id, default));
        Assert.Equal((true, "APPROVED"), (done!.Synced, done.Status));
    }

    [StoreFact]
    public async Task Lists_page_newest_first_with_filters_counts_and_registrations()
    {
        var merchant = await NewMerchantAsync();
        var other = await NewMerchantAsync();
        var start = Now().AddMinutes(-10);
        var customers = new List<CustomerRecord>();
        for (var i = 0; i < 7; i++)
        {
            var customer = NewCustomer(merchant, $"p{i}@Example.com", start.AddSeconds(i));
            customer.CountryCode = i % 2 == 0 ? "BR" : "US";
            customer.DocumentType = i < 3 ? "cpf" : "passport";
            customers.Add(customer);
            await InsertAsync(customer);
        }

        await InsertAsync(NewCustomer(other, "p0@example.com"));
        await WriteAsync(async s =>
        {
            // Customer 6: stripe/customer approved and paypal/merchant submitted; customer 5: stripe/merchant submitted.
            await s.UpsertRegistrationAsync(Registration(customers[6].Id, "stripe", "customer", "approved", start), default);
            await s.UpsertRegistrationAsync(Registration(customers[6].Id, "paypal", "merchant", "submitted", start.AddSeconds(1)), default);
            await s.UpsertRegistrationAsync(Registration(customers[5].Id, "stripe", "merchant", "submitted", start), default);
        });

        CustomerQuery Query(int limit = 50, int offset = 0) => new(merchant, limit, offset, null, null, null, null, null, null);

        var all = await ReadAsync(s => s.ListCustomersAsync(Query(), default));
        Assert.Equal(7, all.Count);
        Assert.Equal(customers.Select(c => c.Id).Reverse(), all.Items.Select(c => c.Id));
        Assert.Equal(["stripe", "paypal"], all.Items[0].Platforms.Select(r => r.Provider));
        Assert.Single(all.Items[1].Platforms);

        var page = await ReadAsync(s => s.ListCustomersAsync(Query(limit: 2, offset: 2), default));
        Assert.Equal(7, page.Count);
        Assert.Equal([customers[4].Id, customers[3].Id], page.Items.Select(c => c.Id));
        var beyond = await ReadAsync(s => s.ListCustomersAsync(Query(limit: 2, offset: 20), default));
        Assert.Equal((7L, 0), (beyond.Count, beyond.Items.Count));

        var byEmail = await ReadAsync(s => s.ListCustomersAsync(Query() with { Emails = ["p1@example.com", "p2@example.com", "nobody@example.com"] }, default));
        Assert.Equal(new[] { customers[2].Id, customers[1].Id }, byEmail.Items.Select(c => c.Id));
        var byCountryAndType = await ReadAsync(s => s.ListCustomersAsync(Query() with { CountryCodes = ["BR"], DocumentTypes = ["passport"] }, default));
        Assert.Equal(new[] { customers[6].Id, customers[4].Id }, byCountryAndType.Items.Select(c => c.Id));

        // The registration filters must hold for one and the same registration.
        var stripeSubmitted = await ReadAsync(s => s.ListCustomersAsync(Query() with { Providers = ["stripe"], RegistrationStatuses = ["submitted"] }, default));
        Assert.Equal(new[] { customers[5].Id }, stripeSubmitted.Items.Select(c => c.Id));
        var merchantRole = await ReadAsync(s => s.ListCustomersAsync(Query() with { TargetRoles = ["merchant"] }, default));
        Assert.Equal(2, merchantRole.Count);
        Assert.Equal([customers[6].Id, customers[5].Id], merchantRole.Items.Select(c => c.Id));
    }

    private static RegistrationRecord Registration(Guid customerId, string provider, string role, string status, DateTimeOffset at) => new()
    {
        CustomerId = customerId,
        Provider = provider,
        TargetRole = role,
        Status = status,
        Data = """{"k":"v"}""",
        CreatedAt = at,
        UpdatedAt = at,
    };

    [StoreFact]
    public async Task Registrations_upsert_by_provider_and_role()
    {
        var merchant = await NewMerchantAsync();
        var customer = NewCustomer(merchant);
        await InsertAsync(customer);
        var at = Now();
        var registration = Registration(customer.Id, "stripe", "customer", "submitted", at);
        await WriteAsync(s => s.UpsertRegistrationAsync(registration, default));
        registration.Status = "rejected";
        registration.RejectionReason = "no";
        registration.Readiness = """{"missing_fields":[]}""";
        registration.UpdatedAt = at.AddSeconds(1);
        await WriteAsync(s => s.UpsertRegistrationAsync(registration, default));

        var read = Assert.Single(await ReadAsync(s => s.GetRegistrationsAsync(customer.Id, default)));
        Assert.Equal(("rejected", "no", """{"missing_fields":[]}""", null as string, at, at.AddSeconds(1)),
            (read.Status, read.RejectionReason, read.Readiness, read.ActionRequired, read.CreatedAt, read.UpdatedAt));
    }

    // ---- Accounts, files ----

    [StoreFact]
    public async Task Accounts_are_created_once_per_provider_and_role_with_their_totals()
    {
        var merchant = await NewMerchantAsync();
        var customer = NewCustomer(merchant);
        await InsertAsync(customer);

        var account = await WriteAsync(s => s.EnsureAccountAsync(customer.Id, "stripe", "customer", "usd", Now(), default));
        var again = await WriteAsync(s => s.EnsureAccountAsync(customer.Id, "stripe", "customer", "brl", Now(), default));
        await WriteAsync(s => s.SetBalanceTotalAsync(account.Id, new BalanceTotalRecord("eur", 1, 2, 3, 4), Now(), default));
        await WriteAsync(s => s.SetBalanceTotalAsync(account.Id, new BalanceTotalRecord("eur", 5, 6, 7, long.MaxValue), Now(), default));

        Assert.Equal(account.Id, again.Id);
        var read = Assert.Single(await ReadAsync(s => s.GetAccountsAsync(customer.Id, default)));
        Assert.Equal([new BalanceTotalRecord("eur", 5, 6, 7, long.MaxValue), new BalanceTotalRecord("usd", 0, 0, 0, 0)], read.Totals);
    }

    [StoreFact]
    public async Task Files_keep_their_bytes_and_list_newest_first()
    {
        var merchant = await NewMerchantAsync();
        var customer = NewCustomer(merchant);
        await InsertAsync(customer);
        var at = Now();
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)i).ToArray();
        var older = new FileRecord(Guid.NewGuid(), customer.Id, "a.pdf", "identity", "application/pdf", bytes.Length, "aa", at);
        var newer = new FileRecord(Guid.NewGuid(), customer.Id, "b.png", null, "image/png", 1, "bb", at.AddTicks(10));
        await WriteAsync(async s =>
        {
            await s.InsertFileAsync(older, bytes, default);
            await s.InsertFileAsync(newer, new byte[] { 0 }, default);
        });

        Assert.Equal([newer, older], await ReadAsync(s => s.ListFilesAsync(customer.Id, default)));
        var content = await ReadAsync(s => s.GetFileContentAsync(older.Id, default));
        Assert.Equal(older, content!.Value.File);
        Assert.Equal(bytes, content.Value.Content);
        Assert.Null(await ReadAsync(s => s.GetFileContentAsync(Guid.NewGuid(), default)));
    }

    // ---- Units of work ----

    [StoreFact]
    public async Task Nothing_is_kept_without_a_commit()
    {
        var merchant = await NewMerchantAsync();
        var customer = NewCustomer(merchant);
        await using (var session = await Store.OpenSessionAsync(write: true, default))
        {
            await session.InsertCustomerAsync(customer, default);
            await session.EnqueueJobAsync(new JobRecord(Guid.NewGuid(), "sync", customer.Id, "{}", Now(), 0), default);
        }

        Assert.Null(await ReadAsync(s => s.GetCustomerAsync(merchant, customer.Id, default)));
        Assert.Null(await Store.NextJobDueAtAsync(default));
    }

    [StoreFact]
    public async Task Reset_deletes_all_data_but_the_development_merchant_and_keeps_the_schema()
    {
        var dev = await WriteAsync(s => s.UpsertDevelopmentMerchantAsync("dev", [1], Now(), default));
        var merchant = await NewMerchantAsync();
        var customer = NewCustomer(merchant);
        await InsertAsync(customer);
        await WriteAsync(s => s.EnqueueJobAsync(new JobRecord(Guid.NewGuid(), "sync", customer.Id, "{}", Now(), 0), default));

        await WriteAsync(s => s.ResetAsync(default));

        Assert.Null(await ReadAsync(s => s.FindMerchantAsync(merchant, default)));
        Assert.Null(await ReadAsync(s => s.GetCustomerAnyMerchantAsync(customer.Id, default)));
        Assert.Null(await Store.NextJobDueAtAsync(default));
        Assert.Equal(dev.Id, (await ReadAsync(s => s.FindMerchantByClientIdAsync("dev", default)))?.Id);
        Assert.Equal(SaveOutcome.Saved, await InsertAsync(NewCustomer(dev.Id)));
    }

    // ---- Jobs ----

    [StoreFact]
    public async Task Only_due_jobs_are_claimed_earliest_first_and_failures_are_rescheduled()
    {
        var now = Now();
        var customer = Guid.NewGuid();
        var later = new JobRecord(Guid.NewGuid(), "review", customer, "{}", now.AddSeconds(-1), 0);
        var first = new JobRecord(Guid.NewGuid(), "sync", customer, """{"v":1}""", now.AddSeconds(-2), 0);
        var future = new JobRecord(Guid.NewGuid(), "sync", customer, "{}", now.AddHours(1), 0);
        await WriteAsync(async s =>
        {
            await s.EnqueueJobAsync(later, default);
            await s.EnqueueJobAsync(first, default);
            await s.EnqueueJobAsync(future, default);
        });

        Assert.Equal(first.DueAt, await Store.NextJobDueAtAsync(default));
        Assert.Equal(2, await ReadAsync(s => s.CountPendingJobsAsync(customer, "sync", default)));
        Assert.Equal(first, await WriteAsync(async s =>
        {
            var job = await s.ClaimDueJobAsync(now, default);
            await s.RescheduleJobAsync(job!.Id, now.AddMinutes(1), "boom", default);
            return job;
        }));
        Assert.Equal(later, await WriteAsync(async s =>
        {
            var job = await s.ClaimDueJobAsync(now, default);
            await s.CompleteJobAsync(job!.Id, default);
            return job;
        }));
        Assert.Null(await WriteAsync(s => s.ClaimDueJobAsync(now, default)));
        Assert.Equal(first with { DueAt = now.AddMinutes(1), Attempts = 1 }, await WriteAsync(s => s.ClaimDueJobAsync(now.AddMinutes(2), default)));
    }

    [StoreFact]
    public async Task Concurrent_workers_claim_each_job_exactly_once()
    {
        var now = Now();
        var jobs = Enumerable.Range(0, 40).Select(i => new JobRecord(Guid.NewGuid(), "sync", Guid.NewGuid(), "{}", now.AddMilliseconds(-i), 0)).ToList();
        await WriteAsync(async s =>
        {
            foreach (var job in jobs)
            {
                await s.EnqueueJobAsync(job, default);
            }
        });
        var second = await StartAsync();

        var claimed = await Task.WhenAll(Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            var store = worker % 2 == 0 ? Store : second;
            var mine = new List<Guid>();
            while (true)
            {
                await using var session = await store.OpenSessionAsync(write: true, default);
                var job = await session.ClaimDueJobAsync(now, default);
                if (job is null)
                {
                    // Another worker may hold the last ones; stop only when none is left at all.
                    if (await store.NextJobDueAtAsync(default) is null)
                    {
                        return mine;
                    }

                    continue;
                }

                await session.CompleteJobAsync(job.Id, default);
                await Task.Delay(1);
                await session.CommitAsync(default);
                mine.Add(job.Id);
            }
        })));

        var all = claimed.SelectMany(ids => ids).ToList();
        Assert.Equal(jobs.Count, all.Count);
        Assert.Equal(jobs.Select(j => j.Id).Order(), all.Order());
    }

    // ---- Check-then-write sequences under concurrency ----

    [StoreFact]
    public async Task Concurrent_creates_with_one_email_save_exactly_one_customer()
    {
        var merchant = await NewMerchantAsync();
        var second = await StartAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var store = i % 2 == 0 ? Store : second;
            await using var session = await store.OpenSessionAsync(write: true, default);
            var customer = NewCustomer(merchant, i % 2 == 0 ? "race@example.com" : "RACE@example.com");
            if (await session.EmailTakenAsync(merchant, customer.Email, null, default))
            {
                return SaveOutcome.DuplicateEmail;
            }

            var outcome = await session.InsertCustomerAsync(customer, default);
            if (outcome == SaveOutcome.Saved)
            {
                await Task.Delay(20);
                await session.CommitAsync(default);
            }

            return outcome;
        })));

        Assert.Single(outcomes, o => o == SaveOutcome.Saved);
        Assert.Equal(1, (await ReadAsync(s => s.ListCustomersAsync(new CustomerQuery(merchant, 50, 0, ["race@example.com"], null, null, null, null, null), default))).Count);
    }

    [StoreFact]
    public async Task Read_modify_write_of_one_customer_in_write_sessions_never_interleaves()
    {
        // The domain reads a customer and writes on that basis (version checks, lifecycle steps): a write session
        // that reads a customer holds it until it ends, so none of these updates sees a stale version.
        var merchant = await NewMerchantAsync();
        var customer = NewCustomer(merchant);
        await InsertAsync(customer);
        var second = await StartAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await using var session = await (i % 2 == 0 ? Store : second).OpenSessionAsync(write: true, default);
            var current = await session.GetCustomerAsync(merchant, customer.Id, default);
            await Task.Delay(10);
            var next = current!.Copy();
            next.Version = current.Version + 1;
            next.FirstName = "writer " + i;
            var outcome = await session.UpdateCustomerDataAsync(next, current.Version, default);
            await session.CommitAsync(default);
            return outcome;
        })));

        Assert.All(outcomes, o => Assert.Equal(SaveOutcome.Saved, o));
        Assert.Equal(7, (await ReadAsync(s => s.GetCustomerAsync(merchant, customer.Id, default)))!.Version);
    }

    [StoreFact]
    public async Task A_second_lookup_of_an_idempotency_key_waits_for_the_first_answer()
    {
        var merchant = await NewMerchantAsync();
        var second = await StartAsync();
        var now = Now();
        var record = new IdempotencyRecord(merchant, "key-1", [9, 9], 201, "application/json", "{\"ok\":true}"u8.ToArray(), now);

        var first = await Store.OpenSessionAsync(write: true, default);
        Assert.Null(await first.FindIdempotencyRecordAsync(merchant, "key-1", now.AddHours(-1), default));
        var waiting = Task.Run(async () =>
        {
            await using var session = await second.OpenSessionAsync(write: true, default);
            return await session.FindIdempotencyRecordAsync(merchant, "key-1", now.AddHours(-1), default);
        });
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted, "the second lookup must wait for the first transaction");
        await first.SaveIdempotencyRecordAsync(record, default);
        await first.CommitAsync(default);
        await first.DisposeAsync();

        var seen = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(seen);
        Assert.Equal(record.Fingerprint, seen.Fingerprint);
        Assert.Equal(record.Body, seen.Body);
        Assert.Equal((record.StatusCode, record.ContentType, record.CreatedAt), (seen.StatusCode, seen.ContentType, seen.CreatedAt));
    }

    [StoreFact]
    public async Task Idempotency_records_expire_by_window_and_are_purged()
    {
        var merchant = await NewMerchantAsync();
        var now = Now();
        var old = new IdempotencyRecord(merchant, "old", [1], 200, "application/json", [1], now.AddHours(-30));
        await WriteAsync(async s =>
        {
            await s.SaveIdempotencyRecordAsync(old, default);
            await s.SaveIdempotencyRecordAsync(old with { Key = "fresh", CreatedAt = now }, default);
        });

        Assert.Null(await WriteAsync(s => s.FindIdempotencyRecordAsync(merchant, "old", now.AddHours(-24), default)));
        await WriteAsync(s => s.SaveIdempotencyRecordAsync(old with { CreatedAt = now, StatusCode = 201 }, default));
        Assert.Equal(201, (await WriteAsync(s => s.FindIdempotencyRecordAsync(merchant, "old", now.AddHours(-24), default)))?.StatusCode);
        Assert.Equal(0, await WriteAsync(s => s.PurgeIdempotencyRecordsAsync(now.AddHours(-24), default)));
        Assert.Equal(2, await WriteAsync(s => s.PurgeIdempotencyRecordsAsync(now.AddSeconds(1), default)));
    }
}
