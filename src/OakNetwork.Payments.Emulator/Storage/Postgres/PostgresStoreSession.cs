using System.Data.Common;
using System.Text;
using Npgsql;
using OakNetwork.Payments.Emulator.Customers;

namespace OakNetwork.Payments.Emulator.Storage.Postgres;

/// <summary>
/// A unit of work on one PostgreSQL connection and transaction. All the emulator's SQL for PostgreSQL lives here;
/// the locking rules it follows are described on <see cref="PostgresEmulatorStore"/>.
/// </summary>
internal sealed class PostgresStoreSession : IStoreSession
{
    private const string UniqueViolation = "23505";

    /// <summary>Serializes the development merchant's set-up when several instances start at once.</summary>
    private const long DevelopmentMerchantLockKey = 0x4F414B_454D55_02;

    private static readonly string FieldColumns = string.Join(", ", CustomerFields.All.Select(f => f.Name));
    private static readonly string CustomerColumns =
        "c.id, c.merchant_id, " + string.Join(", ", CustomerFields.All.Select(f => "c." + f.Name)) +
        ", c.status, c.synced, c.synced_at, c.version, c.created_at, c.updated_at";

    private const string RegistrationColumns =
        "customer_id, provider, target_role, status, readiness, rejection_reason, action_required, data, created_at, updated_at";

    private readonly NpgsqlConnection _connection;
    private readonly bool _write;
    private NpgsqlTransaction? _transaction;
    private bool _failed;

    public PostgresStoreSession(NpgsqlConnection connection, NpgsqlTransaction transaction, bool write)
    {
        _connection = connection;
        _transaction = transaction;
        _write = write;
    }

    /// <summary>In write sessions, reading a customer locks its row until the transaction ends.</summary>
    private string LockClause => _write ? " FOR UPDATE OF c" : "";

    // ---- Merchants ----

    public Task<MerchantRecord?> FindMerchantByClientIdAsync(string clientId, CancellationToken cancellationToken) =>
        FindMerchantWhereAsync("client_id = @v", clientId, cancellationToken);

    public Task<MerchantRecord?> FindMerchantAsync(string merchantId, CancellationToken cancellationToken) =>
        FindMerchantWhereAsync("id = @v", merchantId, cancellationToken);

    public async Task<bool> InsertMerchantAsync(MerchantRecord merchant, CancellationToken cancellationToken)
    {
        await using var command = Command("INSERT INTO merchants (id, client_id, secret_hash, is_development, created_at) VALUES (@id, @c, @s, @d, @t) ON CONFLICT (client_id) DO NOTHING;");
        command.Parameters.AddWithValue("id", merchant.Id);
        command.Parameters.AddWithValue("c", merchant.ClientId);
        command.Parameters.AddWithValue("s", merchant.SecretHash);
        command.Parameters.AddWithValue("d", merchant.IsDevelopment);
        command.Parameters.AddWithValue("t", Utc(merchant.CreatedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<MerchantRecord> UpsertDevelopmentMerchantAsync(string clientId, byte[] secretHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Two instances starting at once must not both create a development merchant.
        await using (var lockCommand = Command("SELECT pg_advisory_xact_lock(@k);"))
        {
            lockCommand.Parameters.AddWithValue("k", DevelopmentMerchantLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var existing = await FindMerchantWhereAsync("is_development = @v", true, cancellationToken).ConfigureAwait(false);

        // Another (non-development) merchant using the development client id loses it.
        await using (var clear = Command("DELETE FROM merchants WHERE client_id = @c AND NOT is_development;"))
        {
            clear.Parameters.AddWithValue("c", clientId);
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (existing is null)
        {
            var merchant = new MerchantRecord(Guid.NewGuid().ToString(), clientId, secretHash, true, now);
            await InsertMerchantAsync(merchant, cancellationToken).ConfigureAwait(false);
            return merchant;
        }

        await using var update = Command("UPDATE merchants SET client_id = @c, secret_hash = @s WHERE id = @id;");
        update.Parameters.AddWithValue("c", clientId);
        update.Parameters.AddWithValue("s", secretHash);
        update.Parameters.AddWithValue("id", existing.Id);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return existing with { ClientId = clientId, SecretHash = secretHash };
    }

    private async Task<MerchantRecord?> FindMerchantWhereAsync(string where, object value, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT id, client_id, secret_hash, is_development, created_at FROM merchants WHERE {where};");
        command.Parameters.AddWithValue("v", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new MerchantRecord(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2), reader.GetBoolean(3), Time(reader, 4));
    }

    // ---- Customers ----

    public async Task<CustomerRecord?> GetCustomerAsync(string merchantId, Guid customerId, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {CustomerColumns} FROM customers c WHERE c.id = @id AND c.merchant_id = @m{LockClause};");
        command.Parameters.AddWithValue("id", customerId);
        command.Parameters.AddWithValue("m", merchantId);
        return await StoreRows.ReadSingleCustomerAsync<PostgresColumns>(command, this, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CustomerRecord?> GetCustomerAnyMerchantAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {CustomerColumns} FROM customers c WHERE c.id = @id{LockClause};");
        command.Parameters.AddWithValue("id", customerId);
        return await StoreRows.ReadSingleCustomerAsync<PostgresColumns>(command, this, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SaveOutcome> InsertCustomerAsync(CustomerRecord customer, CancellationToken cancellationToken)
    {
        // ON CONFLICT on the email index: a concurrent insert of the same email (on any instance) makes this one
        // wait for its commit and then insert nothing, without aborting the transaction.
        var parameters = string.Join(", ", CustomerFields.All.Select(f => "@" + f.Name));
        await using var command = Command(
            $"INSERT INTO customers (id, merchant_id, email_lower, {FieldColumns}, status, synced, synced_at, version, created_at, updated_at) " +
            $"VALUES (@id, @merchant_id, @email_lower, {parameters}, @status, @synced, @synced_at, @version, @created_at, @updated_at) " +
            "ON CONFLICT (merchant_id, email_lower) DO NOTHING;");
        command.Parameters.AddWithValue("id", customer.Id);
        command.Parameters.AddWithValue("merchant_id", customer.MerchantId);
        command.Parameters.AddWithValue("status", customer.Status);
        command.Parameters.AddWithValue("synced_at", customer.SyncedAt is { } s ? Utc(s) : DBNull.Value);
        command.Parameters.AddWithValue("created_at", Utc(customer.CreatedAt));
        AddDataParameters(command, customer);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1 ? SaveOutcome.Saved : SaveOutcome.DuplicateEmail;
    }

    public async Task<SaveOutcome> UpdateCustomerDataAsync(CustomerRecord customer, long expectedVersion, CancellationToken cancellationToken)
    {
        var assignments = string.Join(", ", CustomerFields.All.Select(f => $"{f.Name} = @{f.Name}"));
        await using var command = Command(
            $"UPDATE customers SET {assignments}, email_lower = @email_lower, synced = @synced, version = @version, updated_at = @updated_at " +
            "WHERE id = @id AND version = @expected;");
        command.Parameters.AddWithValue("id", customer.Id);
        command.Parameters.AddWithValue("expected", expectedVersion);
        AddDataParameters(command, customer);
        try
        {
            var rows = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return rows == 1 ? SaveOutcome.Saved : SaveOutcome.VersionConflict;
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            // The transaction is aborted now; the caller answers with an error and rolls back.
            _failed = true;
            return SaveOutcome.DuplicateEmail;
        }
    }

    public async Task SetCustomerStatusAsync(Guid customerId, string status, CancellationToken cancellationToken)
    {
        await using var command = Command("UPDATE customers SET status = @s WHERE id = @id;");
        command.Parameters.AddWithValue("s", status);
        command.Parameters.AddWithValue("id", customerId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SetCustomerSyncScheduledAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var command = Command("UPDATE customers SET synced = false WHERE id = @id;");
        command.Parameters.AddWithValue("id", customerId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SetCustomerSyncFinishedAsync(Guid customerId, DateTimeOffset finishedAt, bool synced, long versionAtSchedule, CancellationToken cancellationToken)
    {
        await using var command = Command("UPDATE customers SET synced_at = @t, synced = CASE WHEN version = @v THEN @s ELSE false END WHERE id = @id;");
        command.Parameters.AddWithValue("t", Utc(finishedAt));
        command.Parameters.AddWithValue("v", versionAtSchedule);
        command.Parameters.AddWithValue("s", synced);
        command.Parameters.AddWithValue("id", customerId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> EmailTakenAsync(string merchantId, string email, Guid? exceptCustomerId, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT EXISTS (SELECT 1 FROM customers WHERE merchant_id = @m AND email_lower = @e AND id <> @id);");
        command.Parameters.AddWithValue("m", merchantId);
        command.Parameters.AddWithValue("e", email.ToLowerInvariant());
        command.Parameters.AddWithValue("id", exceptCustomerId ?? Guid.Empty);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<CustomerPage> ListCustomersAsync(CustomerQuery query, CancellationToken cancellationToken)
    {
        // Count and page go in one round trip; the registrations of the page in one more (never one per customer).
        var batch = new NpgsqlBatch(_connection, Transaction);
        await using (batch.ConfigureAwait(false))
        {
            var count = new NpgsqlBatchCommand();
            var page = new NpgsqlBatchCommand();
            batch.BatchCommands.Add(count);
            batch.BatchCommands.Add(page);
            var where = new StringBuilder("c.merchant_id = @m");
            AddParameter("m", query.MerchantId, count, page);
            CustomerFilterClause.Append(where, query, new AnyFilterWriter(count, page));

            count.CommandText = $"SELECT COUNT(*) FROM customers c WHERE {where}";
            page.CommandText = $"SELECT {CustomerColumns} FROM customers c WHERE {where} ORDER BY c.created_at DESC, c.id DESC LIMIT @limit OFFSET @offset";
            page.Parameters.AddWithValue("limit", query.Limit);
            page.Parameters.AddWithValue("offset", query.Offset);

            long total;
            var customers = new List<CustomerRecord>();
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                total = reader.GetInt64(0);
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    customers.Add(StoreRows.ReadCustomer<PostgresColumns>(reader));
                }
            }

            await LoadRegistrationsAsync(customers, cancellationToken).ConfigureAwait(false);
            return new CustomerPage(total, customers);
        }
    }

    private static void AddParameter(string name, object value, params NpgsqlBatchCommand[] commands)
    {
        foreach (var command in commands)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    /// <summary>Writes "column = ANY(@name)" (or "= @name" for one value), bound on both the count and the page command.</summary>
    private readonly struct AnyFilterWriter(NpgsqlBatchCommand count, NpgsqlBatchCommand page) : ICustomerFilterWriter
    {
        public void AppendIn(StringBuilder where, string column, string name, IReadOnlyList<string>? values)
        {
            if (values is null)
            {
                return;
            }

            // "= ANY(array)" is an index condition, like IN (...), with one parameter however many values. One value is
            // sent as "= @p": then PostgreSQL (before 17) can also read the page in list order from the
            // (merchant_id, column, created_at DESC, id DESC) index instead of filtering the created_at index.
            if (values.Count == 1)
            {
                where.Append(" AND ").Append(column).Append(" = @").Append(name);
                AddParameter(name, values[0], count, page);
                return;
            }

            where.Append(" AND ").Append(column).Append(" = ANY(@").Append(name).Append(')');
            AddParameter(name, values.ToArray(), count, page);
        }
    }

    private async Task LoadRegistrationsAsync(List<CustomerRecord> customers, CancellationToken cancellationToken)
    {
        if (customers.Count == 0)
        {
            return;
        }

        var byId = customers.ToDictionary(c => c.Id);
        await using var command = Command($"SELECT {RegistrationColumns} FROM registrations WHERE customer_id = ANY(@ids) ORDER BY created_at, provider, target_role;");
        command.Parameters.AddWithValue("ids", byId.Keys.ToArray());
        await StoreRows.AddRegistrationsAsync<PostgresColumns>(command, byId, cancellationToken).ConfigureAwait(false);
    }

    private static void AddDataParameters(NpgsqlCommand command, CustomerRecord customer)
    {
        foreach (var field in CustomerFields.All)
        {
            command.Parameters.AddWithValue(field.Name, field.Get(customer) ?? DBNull.Value);
        }

        command.Parameters.AddWithValue("email_lower", customer.Email.ToLowerInvariant());
        command.Parameters.AddWithValue("synced", customer.Synced);
        command.Parameters.AddWithValue("version", customer.Version);
        command.Parameters.AddWithValue("updated_at", Utc(customer.UpdatedAt));
    }

    // ---- Registrations ----

    public async Task UpsertRegistrationAsync(RegistrationRecord registration, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"INSERT INTO registrations ({RegistrationColumns}) VALUES (@c, @p, @r, @s, @rd, @rr, @ar, @d, @ca, @ua) " +
            "ON CONFLICT (customer_id, provider, target_role) DO UPDATE SET status = excluded.status, readiness = excluded.readiness, " +
            "rejection_reason = excluded.rejection_reason, action_required = excluded.action_required, data = excluded.data, updated_at = excluded.updated_at;");
        command.Parameters.AddWithValue("c", registration.CustomerId);
        command.Parameters.AddWithValue("p", registration.Provider);
        command.Parameters.AddWithValue("r", registration.TargetRole);
        command.Parameters.AddWithValue("s", registration.Status);
        command.Parameters.AddWithValue("rd", (object?)registration.Readiness ?? DBNull.Value);
        command.Parameters.AddWithValue("rr", (object?)registration.RejectionReason ?? DBNull.Value);
        command.Parameters.AddWithValue("ar", (object?)registration.ActionRequired ?? DBNull.Value);
        command.Parameters.AddWithValue("d", registration.Data);
        command.Parameters.AddWithValue("ca", Utc(registration.CreatedAt));
        command.Parameters.AddWithValue("ua", Utc(registration.UpdatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RegistrationRecord>> GetRegistrationsAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {RegistrationColumns} FROM registrations WHERE customer_id = @c ORDER BY created_at, provider, target_role;");
        command.Parameters.AddWithValue("c", customerId);
        return await StoreRows.ReadRegistrationsAsync<PostgresColumns>(command, cancellationToken).ConfigureAwait(false);
    }

    // ---- Accounts and balances ----

    public async Task<AccountRecord> EnsureAccountAsync(Guid customerId, string provider, string role, string defaultCurrency, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var accountId = "acct_" + Guid.NewGuid().ToString("N");
        await using (var insert = Command("INSERT INTO accounts (id, customer_id, provider, role, created_at, updated_at) VALUES (@id, @c, @p, @r, @t, @t) ON CONFLICT (customer_id, provider, role) DO NOTHING;"))
        {
            insert.Parameters.AddWithValue("id", accountId);
            insert.Parameters.AddWithValue("c", customerId);
            insert.Parameters.AddWithValue("p", provider);
            insert.Parameters.AddWithValue("r", role);
            insert.Parameters.AddWithValue("t", Utc(now));
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await SetBalanceTotalAsync(accountId, new BalanceTotalRecord(defaultCurrency, 0, 0, 0, 0), now, cancellationToken).ConfigureAwait(false);
            }
        }

        var accounts = await GetAccountsAsync(customerId, cancellationToken).ConfigureAwait(false);
        return accounts.Single(a => a.Provider == provider && a.Role == role);
    }

    public async Task SetBalanceTotalAsync(string accountId, BalanceTotalRecord total, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "INSERT INTO balance_totals (account_id, currency, available, pending, reserved, instant_payouts) VALUES (@a, @c, @av, @p, @r, @i) " +
            "ON CONFLICT (account_id, currency) DO UPDATE SET available = excluded.available, pending = excluded.pending, reserved = excluded.reserved, instant_payouts = excluded.instant_payouts; " +
            "UPDATE accounts SET updated_at = @t WHERE id = @a;");
        command.Parameters.AddWithValue("a", accountId);
        command.Parameters.AddWithValue("c", total.Currency);
        command.Parameters.AddWithValue("av", total.Available);
        command.Parameters.AddWithValue("p", total.Pending);
        command.Parameters.AddWithValue("r", total.Reserved);
        command.Parameters.AddWithValue("i", total.InstantPayouts);
        command.Parameters.AddWithValue("t", Utc(now));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AccountRecord>> GetAccountsAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "SELECT a.id, a.provider, a.role, a.created_at, a.updated_at, t.currency, t.available, t.pending, t.reserved, t.instant_payouts " +
            "FROM accounts a LEFT JOIN balance_totals t ON t.account_id = a.id WHERE a.customer_id = @c ORDER BY a.created_at, a.id, t.currency;");
        command.Parameters.AddWithValue("c", customerId);
        var accounts = new List<AccountRecord>();
        var totals = new List<BalanceTotalRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        AccountRecord? current = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetString(0);
            if (current is null || current.Id != id)
            {
                if (current is not null)
                {
                    accounts.Add(current with { Totals = [.. totals] });
                }

                totals.Clear();
                current = new AccountRecord(id, customerId, reader.GetString(1), reader.GetString(2), Time(reader, 3), Time(reader, 4), []);
            }

            if (!reader.IsDBNull(5))
            {
                totals.Add(new BalanceTotalRecord(reader.GetString(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9)));
            }
        }

        if (current is not null)
        {
            accounts.Add(current with { Totals = [.. totals] });
        }

        return accounts;
    }

    // ---- Files ----

    public async Task InsertFileAsync(FileRecord file, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "INSERT INTO files (id, customer_id, name, file_type, content_type, size, sha256, content, created_at) VALUES (@id, @c, @n, @ft, @ct, @s, @h, @b, @t);");
        command.Parameters.AddWithValue("id", file.Id);
        command.Parameters.AddWithValue("c", file.CustomerId);
        command.Parameters.AddWithValue("n", file.Name);
        command.Parameters.AddWithValue("ft", (object?)file.FileType ?? DBNull.Value);
        command.Parameters.AddWithValue("ct", file.ContentType);
        command.Parameters.AddWithValue("s", file.Size);
        command.Parameters.AddWithValue("h", file.Sha256);
        command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>>("b", content));
        command.Parameters.AddWithValue("t", Utc(file.CreatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FileRecord>> ListFilesAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT id, customer_id, name, file_type, content_type, size, sha256, created_at FROM files WHERE customer_id = @c ORDER BY created_at DESC, id DESC;");
        command.Parameters.AddWithValue("c", customerId);
        return await StoreRows.ReadFilesAsync<PostgresColumns>(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<(FileRecord File, byte[] Content)?> GetFileContentAsync(Guid fileId, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT id, customer_id, name, file_type, content_type, size, sha256, created_at, content FROM files WHERE id = @id;");
        command.Parameters.AddWithValue("id", fileId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return (StoreRows.ReadFile<PostgresColumns>(reader), reader.GetFieldValue<byte[]>(8));
    }

    // ---- Jobs ----

    public async Task EnqueueJobAsync(JobRecord job, CancellationToken cancellationToken)
    {
        await using var command = Command("INSERT INTO jobs (id, kind, customer_id, payload, due_at, attempts, created_at) VALUES (@id, @k, @c, @p, @d, @a, now());");
        command.Parameters.AddWithValue("id", job.Id);
        command.Parameters.AddWithValue("k", job.Kind);
        command.Parameters.AddWithValue("c", job.CustomerId);
        command.Parameters.AddWithValue("p", job.Payload);
        command.Parameters.AddWithValue("d", Utc(job.DueAt));
        command.Parameters.AddWithValue("a", job.Attempts);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<JobRecord?> ClaimDueJobAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The job row stays locked until this transaction ends: other instances skip it, so it runs once.
        JobRecord? job;
        await using (var command = Command("SELECT id, kind, customer_id, payload, due_at, attempts FROM jobs WHERE due_at <= @now ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED;"))
        {
            command.Parameters.AddWithValue("now", Utc(now));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            job = new JobRecord(reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), Time(reader, 4), reader.GetInt32(5));
        }

        // The job's work reads and writes its customer: serialize it with requests on that customer.
        await using (var lockCustomer = Command("SELECT 1 FROM customers WHERE id = @id FOR UPDATE;"))
        {
            lockCustomer.Parameters.AddWithValue("id", job.CustomerId);
            await lockCustomer.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return job;
    }

    public async Task CompleteJobAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = Command("DELETE FROM jobs WHERE id = @id;");
        command.Parameters.AddWithValue("id", jobId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RescheduleJobAsync(Guid jobId, DateTimeOffset dueAt, string error, CancellationToken cancellationToken)
    {
        await using var command = Command("UPDATE jobs SET due_at = @d, attempts = attempts + 1, last_error = @e WHERE id = @id;");
        command.Parameters.AddWithValue("d", Utc(dueAt));
        command.Parameters.AddWithValue("e", error);
        command.Parameters.AddWithValue("id", jobId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountPendingJobsAsync(Guid customerId, string kind, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT COUNT(*) FROM jobs WHERE customer_id = @c AND kind = @k;");
        command.Parameters.AddWithValue("c", customerId);
        command.Parameters.AddWithValue("k", kind);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    // ---- Idempotency ----

    public async Task<IdempotencyRecord?> FindIdempotencyRecordAsync(string merchantId, string key, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        // In a write session, first the (merchant, key) advisory lock, held until the transaction ends: a request
        // with the same key on any instance waits here until this one has committed its answer (or rolled back).
        // The SELECT runs after the lock is granted, so at READ COMMITTED it sees that answer.
        var lockStatement = _write
            ? "SELECT pg_advisory_xact_lock(hashtextextended(length(@m)::text || ':' || @m || @k, 0)); "
            : "";
        await using var command = Command(lockStatement +
            "SELECT fingerprint, status_code, content_type, body, created_at FROM idempotency_keys WHERE merchant_id = @m AND key = @k AND created_at >= @nb;");
        command.Parameters.AddWithValue("m", merchantId);
        command.Parameters.AddWithValue("k", key);
        command.Parameters.AddWithValue("nb", Utc(notBefore));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (_write)
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new IdempotencyRecord(merchantId, key, reader.GetFieldValue<byte[]>(0), reader.GetInt32(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3), Time(reader, 4));
    }

    public async Task SaveIdempotencyRecordAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "INSERT INTO idempotency_keys (merchant_id, key, fingerprint, status_code, content_type, body, created_at) VALUES (@m, @k, @f, @s, @ct, @b, @t) " +
            "ON CONFLICT (merchant_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, status_code = excluded.status_code, content_type = excluded.content_type, body = excluded.body, created_at = excluded.created_at;");
        command.Parameters.AddWithValue("m", record.MerchantId);
        command.Parameters.AddWithValue("k", record.Key);
        command.Parameters.AddWithValue("f", record.Fingerprint);
        command.Parameters.AddWithValue("s", record.StatusCode);
        command.Parameters.AddWithValue("ct", record.ContentType);
        command.Parameters.AddWithValue("b", record.Body);
        command.Parameters.AddWithValue("t", Utc(record.CreatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PurgeIdempotencyRecordsAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var command = Command("DELETE FROM idempotency_keys WHERE created_at < @t;");
        command.Parameters.AddWithValue("t", Utc(olderThan));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // ---- Admin ----

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        // DELETE rather than TRUNCATE: TRUNCATE takes an exclusive table lock that other instances' sessions would
        // queue behind (and deadlock with); the schema, settings and the development merchant stay.
        await using var command = Command(
            "DELETE FROM idempotency_keys; DELETE FROM jobs; DELETE FROM balance_totals; DELETE FROM accounts; DELETE FROM files; " +
            "DELETE FROM registrations; DELETE FROM customers; DELETE FROM merchants WHERE NOT is_development;");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("The session was already committed.");
        if (_failed)
        {
            throw new InvalidOperationException("The session's transaction failed and cannot be committed.");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await transaction.DisposeAsync().ConfigureAwait(false);
        _transaction = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            try
            {
                await _transaction.RollbackAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The connection may be broken; closing it rolls back anyway.
            }
            catch (InvalidOperationException)
            {
                // Same (the connection is no longer usable).
            }

            await _transaction.DisposeAsync().ConfigureAwait(false);
            _transaction = null;
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private NpgsqlTransaction Transaction => _transaction ?? throw new InvalidOperationException("The session is no longer open.");

    private NpgsqlCommand Command(string sql) => new(sql, _connection, Transaction);

    private static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();

    private static DateTimeOffset Time(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    /// <summary>Ids are uuid, flags boolean, times timestamptz.</summary>
    private readonly struct PostgresColumns : IStoreColumns
    {
        public static Guid GetId(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

        public static bool GetFlag(DbDataReader reader, int ordinal) => reader.GetBoolean(ordinal);

        public static DateTimeOffset GetTime(DbDataReader reader, int ordinal) => Time(reader, ordinal);
    }
}
