using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using OakNetwork.Payments.Emulator.Customers;

namespace OakNetwork.Payments.Emulator.Storage.Sqlite;

/// <summary>A unit of work on one SQLite connection and transaction. All the emulator's SQL for SQLite lives here.</summary>
internal sealed class SqliteStoreSession : IStoreSession
{
    private const int SqliteConstraint = 19;

    private static readonly string FieldColumns = string.Join(", ", CustomerFields.All.Select(f => f.Name));
    private static readonly string CustomerColumns =
        "c.id, c.merchant_id, " + string.Join(", ", CustomerFields.All.Select(f => "c." + f.Name)) +
        ", c.status, c.synced, c.synced_at, c.version, c.created_at, c.updated_at";

    private const string RegistrationColumns =
        "customer_id, provider, target_role, status, readiness, rejection_reason, action_required, data, created_at, updated_at";

    private const string MerchantByClientIdSql = "SELECT id, client_id, secret_hash, is_development, created_at FROM merchants WHERE client_id = $v;";
    private const string MerchantByIdSql = "SELECT id, client_id, secret_hash, is_development, created_at FROM merchants WHERE id = $v;";
    private const string DevelopmentMerchantSql = "SELECT id, client_id, secret_hash, is_development, created_at FROM merchants WHERE is_development = $v;";
    private static readonly string GetCustomerSql = $"SELECT {CustomerColumns} FROM customers c WHERE c.id = $id AND c.merchant_id = $m;";
    private static readonly string GetCustomerAnyMerchantSql = $"SELECT {CustomerColumns} FROM customers c WHERE c.id = $id;";
    private static readonly string GetRegistrationsSql = $"SELECT {RegistrationColumns} FROM registrations WHERE customer_id = $c ORDER BY created_at, provider, target_role;";

    private readonly SqliteConnectionLease _lease;
    private readonly SqliteConnection _connection;
    private readonly SqliteEmulatorStore _store;
    // The transaction is begun and ended with the lease's prepared BEGIN/COMMIT/ROLLBACK commands rather than a
    // SqliteTransaction (which prepares "BEGIN;" and "ROLLBACK;" anew each time); commands run with no
    // SqliteTransaction attached, inside it.
    private bool _open;
    private bool _disposed;

    private readonly long _merchantGeneration;
    private bool _merchantsChanged;

    public SqliteStoreSession(SqliteConnectionLease lease, SqliteEmulatorStore store, long merchantGeneration)
    {
        _merchantGeneration = merchantGeneration;
        _lease = lease;
        _connection = lease.Connection;
        _open = true;
        _store = store;
    }

    // ---- Merchants ----

    public Task<MerchantRecord?> FindMerchantByClientIdAsync(string clientId, CancellationToken cancellationToken) =>
        FindMerchantWhereAsync(MerchantByClientIdSql, clientId, cancellationToken);

    public async Task<MerchantRecord?> FindMerchantAsync(string merchantId, CancellationToken cancellationToken)
    {
        // A session that changed merchants reads its own uncommitted state: it neither uses nor fills the cache.
        if (!_merchantsChanged && _store.TryGetCachedMerchant(merchantId, out var cached))
        {
            return cached;
        }

        var merchant = await FindMerchantWhereAsync(MerchantByIdSql, merchantId, cancellationToken).ConfigureAwait(false);
        if (merchant is not null && !_merchantsChanged)
        {
            _store.CacheMerchant(merchant, _merchantGeneration);
        }

        return merchant;
    }

    public async Task<bool> InsertMerchantAsync(MerchantRecord merchant, CancellationToken cancellationToken)
    {
        _merchantsChanged = true;
        using var command = Command("INSERT INTO merchants (id, client_id, secret_hash, is_development, created_at) VALUES ($id, $c, $s, $d, $t);");
        command.Parameters.AddWithValue("$id", merchant.Id);
        command.Parameters.AddWithValue("$c", merchant.ClientId);
        command.Parameters.AddWithValue("$s", merchant.SecretHash);
        command.Parameters.AddWithValue("$d", merchant.IsDevelopment ? 1 : 0);
        command.Parameters.AddWithValue("$t", SqliteTime.ToMicros(merchant.CreatedAt));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            return false;
        }
    }

    public async Task<MerchantRecord> UpsertDevelopmentMerchantAsync(string clientId, byte[] secretHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _merchantsChanged = true;
        var existing = await FindMerchantWhereAsync(DevelopmentMerchantSql, 1, cancellationToken).ConfigureAwait(false);

        // Another (non-development) merchant using the development client id loses it.
        using (var clear = Command("DELETE FROM merchants WHERE client_id = $c AND is_development = 0;"))
        {
            clear.Parameters.AddWithValue("$c", clientId);
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (existing is null)
        {
            var merchant = new MerchantRecord(Guid.NewGuid().ToString(), clientId, secretHash, true, now);
            await InsertMerchantAsync(merchant, cancellationToken).ConfigureAwait(false);
            return merchant;
        }

        using var update = Command("UPDATE merchants SET client_id = $c, secret_hash = $s WHERE id = $id;");
        update.Parameters.AddWithValue("$c", clientId);
        update.Parameters.AddWithValue("$s", secretHash);
        update.Parameters.AddWithValue("$id", existing.Id);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return existing with { ClientId = clientId, SecretHash = secretHash };
    }

    private async Task<MerchantRecord?> FindMerchantWhereAsync(string sql, object value, CancellationToken cancellationToken)
    {
        var command = Prepared(sql);
        command.Parameters.AddWithValue("$v", value);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new MerchantRecord(reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2), reader.GetInt64(3) != 0, SqliteTime.FromMicros(reader.GetInt64(4)));
    }

    // ---- Customers ----

    public async Task<CustomerRecord?> GetCustomerAsync(string merchantId, Guid customerId, CancellationToken cancellationToken)
    {
        var command = Prepared(GetCustomerSql);
        command.Parameters.AddWithValue("$id", Id(customerId));
        command.Parameters.AddWithValue("$m", merchantId);
        return await StoreRows.ReadSingleCustomerAsync<SqliteColumns>(command, this, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CustomerRecord?> GetCustomerAnyMerchantAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var command = Prepared(GetCustomerAnyMerchantSql);
        command.Parameters.AddWithValue("$id", Id(customerId));
        return await StoreRows.ReadSingleCustomerAsync<SqliteColumns>(command, this, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SaveOutcome> InsertCustomerAsync(CustomerRecord customer, CancellationToken cancellationToken)
    {
        var parameters = string.Join(", ", CustomerFields.All.Select(f => "$" + f.Name));
        using var command = Command(
            $"INSERT INTO customers (id, merchant_id, email_lower, {FieldColumns}, status, synced, synced_at, version, created_at, updated_at) " +
            $"VALUES ($id, $merchant_id, $email_lower, {parameters}, $status, $synced, $synced_at, $version, $created_at, $updated_at);");
        command.Parameters.AddWithValue("$id", Id(customer.Id));
        command.Parameters.AddWithValue("$merchant_id", customer.MerchantId);
        command.Parameters.AddWithValue("$status", customer.Status);
        command.Parameters.AddWithValue("$synced_at", customer.SyncedAt is { } s ? SqliteTime.ToMicros(s) : DBNull.Value);
        command.Parameters.AddWithValue("$created_at", SqliteTime.ToMicros(customer.CreatedAt));
        AddDataParameters(command, customer);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return SaveOutcome.Saved;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            return SaveOutcome.DuplicateEmail;
        }
    }

    public async Task<SaveOutcome> UpdateCustomerDataAsync(CustomerRecord customer, long expectedVersion, CancellationToken cancellationToken)
    {
        var assignments = string.Join(", ", CustomerFields.All.Select(f => $"{f.Name} = ${f.Name}"));
        using var command = Command(
            $"UPDATE customers SET {assignments}, email_lower = $email_lower, synced = $synced, version = $version, updated_at = $updated_at " +
            "WHERE id = $id AND version = $expected;");
        command.Parameters.AddWithValue("$id", Id(customer.Id));
        command.Parameters.AddWithValue("$expected", expectedVersion);
        AddDataParameters(command, customer);
        try
        {
            var rows = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return rows == 1 ? SaveOutcome.Saved : SaveOutcome.VersionConflict;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            return SaveOutcome.DuplicateEmail;
        }
    }

    public async Task SetCustomerStatusAsync(Guid customerId, string status, CancellationToken cancellationToken)
    {
        using var command = Command("UPDATE customers SET status = $s WHERE id = $id;");
        command.Parameters.AddWithValue("$s", status);
        command.Parameters.AddWithValue("$id", Id(customerId));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SetCustomerSyncScheduledAsync(Guid customerId, CancellationToken cancellationToken)
    {
        using var command = Command("UPDATE customers SET synced = 0 WHERE id = $id;");
        command.Parameters.AddWithValue("$id", Id(customerId));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SetCustomerSyncFinishedAsync(Guid customerId, DateTimeOffset finishedAt, bool synced, long versionAtSchedule, CancellationToken cancellationToken)
    {
        using var command = Command("UPDATE customers SET synced_at = $t, synced = CASE WHEN version = $v THEN $s ELSE 0 END WHERE id = $id;");
        command.Parameters.AddWithValue("$t", SqliteTime.ToMicros(finishedAt));
        command.Parameters.AddWithValue("$v", versionAtSchedule);
        command.Parameters.AddWithValue("$s", synced ? 1 : 0);
        command.Parameters.AddWithValue("$id", Id(customerId));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> EmailTakenAsync(string merchantId, string email, Guid? exceptCustomerId, CancellationToken cancellationToken)
    {
        using var command = Command("SELECT EXISTS (SELECT 1 FROM customers WHERE merchant_id = $m AND email_lower = $e AND id <> $id);");
        command.Parameters.AddWithValue("$m", merchantId);
        command.Parameters.AddWithValue("$e", email.ToLowerInvariant());
        command.Parameters.AddWithValue("$id", exceptCustomerId is { } id ? Id(id) : "");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! != 0;
    }

    public async Task<CustomerPage> ListCustomersAsync(CustomerQuery query, CancellationToken cancellationToken)
    {
        var where = new StringBuilder("c.merchant_id = $m");
        var parameters = new List<(string Name, string Value)> { ("$m", query.MerchantId) };
        CustomerFilterClause.Append(where, query, new InFilterWriter(parameters));

        var count = Prepared($"SELECT COUNT(*) FROM customers c WHERE {where};");
        foreach (var (name, value) in parameters)
        {
            count.Parameters.AddWithValue(name, value);
        }

        var total = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;

        var page = Prepared($"SELECT {CustomerColumns} FROM customers c WHERE {where} ORDER BY c.created_at DESC, c.id DESC LIMIT $limit OFFSET $offset;");
        foreach (var (name, value) in parameters)
        {
            page.Parameters.AddWithValue(name, value);
        }

        page.Parameters.AddWithValue("$limit", query.Limit);
        page.Parameters.AddWithValue("$offset", query.Offset);
        var customers = new List<CustomerRecord>(Math.Min(query.Limit, 1000));
        using (var reader = await page.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                customers.Add(StoreRows.ReadCustomer<SqliteColumns>(reader));
            }
        }

        await LoadRegistrationsAsync(customers, cancellationToken).ConfigureAwait(false);
        return new CustomerPage(total, customers);
    }

    /// <summary>Writes "column IN ($prefix0, $prefix1, ...)", one parameter per value.</summary>
    private readonly struct InFilterWriter(List<(string Name, string Value)> parameters) : ICustomerFilterWriter
    {
        public void AppendIn(StringBuilder where, string column, string name, IReadOnlyList<string>? values)
        {
            if (values is null)
            {
                return;
            }

            where.Append(" AND ").Append(column).Append(" IN (");
            for (var i = 0; i < values.Count; i++)
            {
                var parameter = "$" + name + i.ToString(CultureInfo.InvariantCulture);
                where.Append(i == 0 ? "" : ", ").Append(parameter);
                parameters.Add((parameter, values[i]));
            }

            where.Append(')');
        }
    }

    private async Task LoadRegistrationsAsync(List<CustomerRecord> customers, CancellationToken cancellationToken)
    {
        if (customers.Count == 0)
        {
            return;
        }

        var byId = new Dictionary<Guid, CustomerRecord>(customers.Count);
        foreach (var customer in customers)
        {
            byId[customer.Id] = customer;
        }

        var command = Prepared(RegistrationsInSql(byId.Count));
        var i = 0;
        foreach (var id in byId.Keys)
        {
            command.Parameters.AddWithValue(ParameterName(i++), Id(id));
        }

        await StoreRows.AddRegistrationsAsync<SqliteColumns>(command, byId, cancellationToken).ConfigureAwait(false);
    }

    private static readonly string[] ParameterNames = [.. Enumerable.Range(0, 1000).Select(i => "$c" + i.ToString(CultureInfo.InvariantCulture))];
    private static readonly string?[] RegistrationsInSqlByCount = new string?[1001];

    private static string ParameterName(int i) => i < ParameterNames.Length ? ParameterNames[i] : "$c" + i.ToString(CultureInfo.InvariantCulture);

    private static string RegistrationsInSql(int count)
    {
        if (count < RegistrationsInSqlByCount.Length && RegistrationsInSqlByCount[count] is { } cached)
        {
            return cached;
        }

        var sql = $"SELECT {RegistrationColumns} FROM registrations WHERE customer_id IN ({string.Join(", ", Enumerable.Range(0, count).Select(ParameterName))}) ORDER BY created_at, provider, target_role;";
        if (count < RegistrationsInSqlByCount.Length)
        {
            RegistrationsInSqlByCount[count] = sql;
        }

        return sql;
    }

    private static void AddDataParameters(SqliteCommand command, CustomerRecord customer)
    {
        foreach (var field in CustomerFields.All)
        {
            command.Parameters.AddWithValue("$" + field.Name, field.Get(customer) ?? DBNull.Value);
        }

        command.Parameters.AddWithValue("$email_lower", customer.Email.ToLowerInvariant());
        command.Parameters.AddWithValue("$synced", customer.Synced ? 1 : 0);
        command.Parameters.AddWithValue("$version", customer.Version);
        command.Parameters.AddWithValue("$updated_at", SqliteTime.ToMicros(customer.UpdatedAt));
    }

    // ---- Registrations ----

    public async Task UpsertRegistrationAsync(RegistrationRecord registration, CancellationToken cancellationToken)
    {
        using var command = Command(
            $"INSERT INTO registrations ({RegistrationColumns}) VALUES ($c, $p, $r, $s, $rd, $rr, $ar, $d, $ca, $ua) " +
            "ON CONFLICT (customer_id, provider, target_role) DO UPDATE SET status = excluded.status, readiness = excluded.readiness, " +
            "rejection_reason = excluded.rejection_reason, action_required = excluded.action_required, data = excluded.data, updated_at = excluded.updated_at;");
        command.Parameters.AddWithValue("$c", Id(registration.CustomerId));
        command.Parameters.AddWithValue("$p", registration.Provider);
        command.Parameters.AddWithValue("$r", registration.TargetRole);
        command.Parameters.AddWithValue("$s", registration.Status);
        command.Parameters.AddWithValue("$rd", (object?)registration.Readiness ?? DBNull.Value);
        command.Parameters.AddWithValue("$rr", (object?)registration.RejectionReason ?? DBNull.Value);
        command.Parameters.AddWithValue("$ar", (object?)registration.ActionRequired ?? DBNull.Value);
        command.Parameters.AddWithValue("$d", registration.Data);
        command.Parameters.AddWithValue("$ca", SqliteTime.ToMicros(registration.CreatedAt));
        command.Parameters.AddWithValue("$ua", SqliteTime.ToMicros(registration.UpdatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RegistrationRecord>> GetRegistrationsAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var command = Prepared(GetRegistrationsSql);
        command.Parameters.AddWithValue("$c", Id(customerId));
        return await StoreRows.ReadRegistrationsAsync<SqliteColumns>(command, cancellationToken).ConfigureAwait(false);
    }

    // ---- Accounts and balances ----

    public async Task<AccountRecord> EnsureAccountAsync(Guid customerId, string provider, string role, string defaultCurrency, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var accountId = "acct_" + Guid.NewGuid().ToString("N");
        using (var insert = Command("INSERT INTO accounts (id, customer_id, provider, role, created_at, updated_at) VALUES ($id, $c, $p, $r, $t, $t) ON CONFLICT (customer_id, provider, role) DO NOTHING;"))
        {
            insert.Parameters.AddWithValue("$id", accountId);
            insert.Parameters.AddWithValue("$c", Id(customerId));
            insert.Parameters.AddWithValue("$p", provider);
            insert.Parameters.AddWithValue("$r", role);
            insert.Parameters.AddWithValue("$t", SqliteTime.ToMicros(now));
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
        using var command = Command(
            "INSERT INTO balance_totals (account_id, currency, available, pending, reserved, instant_payouts) VALUES ($a, $c, $av, $p, $r, $i) " +
            "ON CONFLICT (account_id, currency) DO UPDATE SET available = excluded.available, pending = excluded.pending, reserved = excluded.reserved, instant_payouts = excluded.instant_payouts; " +
            "UPDATE accounts SET updated_at = $t WHERE id = $a;");
        command.Parameters.AddWithValue("$a", accountId);
        command.Parameters.AddWithValue("$c", total.Currency);
        command.Parameters.AddWithValue("$av", total.Available);
        command.Parameters.AddWithValue("$p", total.Pending);
        command.Parameters.AddWithValue("$r", total.Reserved);
        command.Parameters.AddWithValue("$i", total.InstantPayouts);
        command.Parameters.AddWithValue("$t", SqliteTime.ToMicros(now));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AccountRecord>> GetAccountsAsync(Guid customerId, CancellationToken cancellationToken)
    {
        using var command = Command(
            "SELECT a.id, a.provider, a.role, a.created_at, a.updated_at, t.currency, t.available, t.pending, t.reserved, t.instant_payouts " +
            "FROM accounts a LEFT JOIN balance_totals t ON t.account_id = a.id WHERE a.customer_id = $c ORDER BY a.created_at, a.id, t.currency;");
        command.Parameters.AddWithValue("$c", Id(customerId));
        var accounts = new List<AccountRecord>();
        var totals = new List<BalanceTotalRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
                current = new AccountRecord(id, customerId, reader.GetString(1), reader.GetString(2), SqliteTime.FromMicros(reader.GetInt64(3)), SqliteTime.FromMicros(reader.GetInt64(4)), []);
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
        using var command = Command(
            "INSERT INTO files (id, customer_id, name, file_type, content_type, size, sha256, content, created_at) VALUES ($id, $c, $n, $ft, $ct, $s, $h, $b, $t);");
        command.Parameters.AddWithValue("$id", Id(file.Id));
        command.Parameters.AddWithValue("$c", Id(file.CustomerId));
        command.Parameters.AddWithValue("$n", file.Name);
        command.Parameters.AddWithValue("$ft", (object?)file.FileType ?? DBNull.Value);
        command.Parameters.AddWithValue("$ct", file.ContentType);
        command.Parameters.AddWithValue("$s", file.Size);
        command.Parameters.AddWithValue("$h", file.Sha256);
        command.Parameters.AddWithValue("$b", content.ToArray());
        command.Parameters.AddWithValue("$t", SqliteTime.ToMicros(file.CreatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FileRecord>> ListFilesAsync(Guid customerId, CancellationToken cancellationToken)
    {
        using var command = Command("SELECT id, customer_id, name, file_type, content_type, size, sha256, created_at FROM files WHERE customer_id = $c ORDER BY created_at DESC, id DESC;");
        command.Parameters.AddWithValue("$c", Id(customerId));
        return await StoreRows.ReadFilesAsync<SqliteColumns>(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<(FileRecord File, byte[] Content)?> GetFileContentAsync(Guid fileId, CancellationToken cancellationToken)
    {
        using var command = Command("SELECT id, customer_id, name, file_type, content_type, size, sha256, created_at, content FROM files WHERE id = $id;");
        command.Parameters.AddWithValue("$id", Id(fileId));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return (StoreRows.ReadFile<SqliteColumns>(reader), (byte[])reader.GetValue(8));
    }

    // ---- Jobs ----

    public async Task EnqueueJobAsync(JobRecord job, CancellationToken cancellationToken)
    {
        using var command = Command("INSERT INTO jobs (id, kind, customer_id, payload, due_at, attempts, created_at) VALUES ($id, $k, $c, $p, $d, $a, $d);");
        command.Parameters.AddWithValue("$id", Id(job.Id));
        command.Parameters.AddWithValue("$k", job.Kind);
        command.Parameters.AddWithValue("$c", Id(job.CustomerId));
        command.Parameters.AddWithValue("$p", job.Payload);
        command.Parameters.AddWithValue("$d", SqliteTime.ToMicros(job.DueAt));
        command.Parameters.AddWithValue("$a", job.Attempts);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<JobRecord?> ClaimDueJobAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // This session holds SQLite's write lock, so no other session can take the same row before it commits
        // (the PostgreSQL store does the same with SELECT ... FOR UPDATE SKIP LOCKED).
        using var command = Command("SELECT id, kind, customer_id, payload, due_at, attempts FROM jobs WHERE due_at <= $now ORDER BY due_at, id LIMIT 1;");
        command.Parameters.AddWithValue("$now", SqliteTime.ToMicros(now));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new JobRecord(Guid.Parse(reader.GetString(0)), reader.GetString(1), Guid.Parse(reader.GetString(2)), reader.GetString(3), SqliteTime.FromMicros(reader.GetInt64(4)), (int)reader.GetInt64(5));
    }

    public async Task CompleteJobAsync(Guid jobId, CancellationToken cancellationToken)
    {
        using var command = Command("DELETE FROM jobs WHERE id = $id;");
        command.Parameters.AddWithValue("$id", Id(jobId));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RescheduleJobAsync(Guid jobId, DateTimeOffset dueAt, string error, CancellationToken cancellationToken)
    {
        using var command = Command("UPDATE jobs SET due_at = $d, attempts = attempts + 1, last_error = $e WHERE id = $id;");
        command.Parameters.AddWithValue("$d", SqliteTime.ToMicros(dueAt));
        command.Parameters.AddWithValue("$e", error);
        command.Parameters.AddWithValue("$id", Id(jobId));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountPendingJobsAsync(Guid customerId, string kind, CancellationToken cancellationToken)
    {
        using var command = Command("SELECT COUNT(*) FROM jobs WHERE customer_id = $c AND kind = $k;");
        command.Parameters.AddWithValue("$c", Id(customerId));
        command.Parameters.AddWithValue("$k", kind);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    // ---- Idempotency ----

    public async Task<IdempotencyRecord?> FindIdempotencyRecordAsync(string merchantId, string key, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        using var command = Command("SELECT fingerprint, status_code, content_type, body, created_at FROM idempotency_keys WHERE merchant_id = $m AND key = $k AND created_at >= $nb;");
        command.Parameters.AddWithValue("$m", merchantId);
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$nb", SqliteTime.ToMicros(notBefore));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new IdempotencyRecord(merchantId, key, (byte[])reader.GetValue(0), (int)reader.GetInt64(1), reader.GetString(2), (byte[])reader.GetValue(3), SqliteTime.FromMicros(reader.GetInt64(4)));
    }

    public async Task SaveIdempotencyRecordAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        using var command = Command(
            "INSERT INTO idempotency_keys (merchant_id, key, fingerprint, status_code, content_type, body, created_at) VALUES ($m, $k, $f, $s, $ct, $b, $t) " +
            "ON CONFLICT (merchant_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, status_code = excluded.status_code, content_type = excluded.content_type, body = excluded.body, created_at = excluded.created_at;");
        command.Parameters.AddWithValue("$m", record.MerchantId);
        command.Parameters.AddWithValue("$k", record.Key);
        command.Parameters.AddWithValue("$f", record.Fingerprint);
        command.Parameters.AddWithValue("$s", record.StatusCode);
        command.Parameters.AddWithValue("$ct", record.ContentType);
        command.Parameters.AddWithValue("$b", record.Body);
        command.Parameters.AddWithValue("$t", SqliteTime.ToMicros(record.CreatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PurgeIdempotencyRecordsAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        using var command = Command("DELETE FROM idempotency_keys WHERE created_at < $t;");
        command.Parameters.AddWithValue("$t", SqliteTime.ToMicros(olderThan));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // ---- Admin ----

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        _merchantsChanged = true;
        using var command = Command(
            "DELETE FROM idempotency_keys; DELETE FROM jobs; DELETE FROM balance_totals; DELETE FROM accounts; DELETE FROM files; " +
            "DELETE FROM registrations; DELETE FROM customers; DELETE FROM merchants WHERE is_development = 0;");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        if (!_open)
        {
            throw new InvalidOperationException("The session was already committed.");
        }

        _lease.Prepared("COMMIT;", transaction: null).ExecuteNonQuery();
        _open = false;
        if (_merchantsChanged)
        {
            _store.InvalidateMerchants();
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        var broken = false;
        if (_open)
        {
            _open = false;
            try
            {
                _lease.Prepared("ROLLBACK;", transaction: null).ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // The connection may be broken; closing it rolls back anyway.
                broken = true;
            }
        }
        else if (_disposed)
        {
            return ValueTask.CompletedTask;
        }

        _disposed = true;
        if (_merchantsChanged)
        {
            _store.InvalidateMerchants();
        }

        if (broken)
        {
            _lease.Dispose();
        }
        else
        {
            _store.Return(_lease);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A prepared command kept by the connection (not to be disposed), bound to this session's transaction.</summary>
    private SqliteCommand Prepared(string sql) =>
        _open ? _lease.Prepared(sql, transaction: null) : throw new InvalidOperationException("The session is no longer open.");

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        if (!_open)
        {
            throw new InvalidOperationException("The session is no longer open.");
        }

        command.CommandText = sql;
        return command;
    }

    private static string Id(Guid id) => id.ToString("D");

    /// <summary>Ids are TEXT, flags INTEGER 0/1, times INTEGER microseconds (<see cref="SqliteTime"/>).</summary>
    private readonly struct SqliteColumns : IStoreColumns
    {
        public static Guid GetId(DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal));

        public static bool GetFlag(DbDataReader reader, int ordinal) => reader.GetInt64(ordinal) != 0;

        public static DateTimeOffset GetTime(DbDataReader reader, int ordinal) => SqliteTime.FromMicros(reader.GetInt64(ordinal));
    }
}
