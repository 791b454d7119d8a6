using Npgsql;

namespace OakNetwork.Payments.Emulator.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema as numbered migrations, applied at start-up in one transaction that first takes an
/// advisory lock: when several instances start at once, one migrates and the others wait, then find the schema
/// current and do nothing. The version reached is recorded in <c>schema_version</c>; a migration is never edited
/// once shipped, only followed by a new one.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock key that serializes migrations (and the first-start set-up) across instances.</summary>
    public const long MigrationLockKey = 0x4F414B_454D55_01; // "OAK" "EMU" 1

    private static readonly string[] Migrations =
    [
        // 1: the initial schema. Times are timestamptz (microseconds, UTC), ids uuid, files bytea.
        """
        CREATE TABLE settings (
            key text PRIMARY KEY,
            value bytea NOT NULL
        );
        CREATE TABLE merchants (
            id text PRIMARY KEY,
            client_id text NOT NULL UNIQUE,
            secret_hash bytea NOT NULL,
            is_development boolean NOT NULL DEFAULT false,
            created_at timestamptz NOT NULL
        );
        CREATE TABLE customers (
            id uuid PRIMARY KEY,
            merchant_id text NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
            email text NOT NULL,
            email_lower text NOT NULL,
            first_name text, last_name text, social_name text,
            document_number text, document_type text, tax_id text, dob text, gender text,
            phone_country_code text, phone_area_code text, phone_number text,
            country_code text, subdivision text, state text, city text, neighborhood text,
            street_name text, street_number text, house_number text, postal_code text,
            mother_name text, monthly_net_income bigint,
            company_name text, company_start_date text, owner_legal_name text, owner_document_number text, owner_document_type text,
            customer_wallet text, trading_wallet text, account_type text,
            additional_info text,
            status text NOT NULL,
            synced boolean NOT NULL,
            synced_at timestamptz,
            version bigint NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL
        );
        CREATE UNIQUE INDEX ux_customers_merchant_email ON customers (merchant_id, email_lower);
        CREATE INDEX ix_customers_merchant_created ON customers (merchant_id, created_at DESC, id DESC);
        CREATE INDEX ix_customers_merchant_country ON customers (merchant_id, country_code, created_at DESC, id DESC);
        CREATE INDEX ix_customers_merchant_document_type ON customers (merchant_id, document_type, created_at DESC, id DESC);
        CREATE TABLE registrations (
            customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            provider text NOT NULL,
            target_role text NOT NULL,
            status text NOT NULL,
            readiness text,
            rejection_reason text,
            action_required text,
            data text NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            PRIMARY KEY (customer_id, provider, target_role)
        );
        CREATE INDEX ix_registrations_provider_role_status ON registrations (provider, target_role, status, customer_id);
        CREATE TABLE accounts (
            id text PRIMARY KEY,
            customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            provider text NOT NULL,
            role text NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            UNIQUE (customer_id, provider, role)
        );
        CREATE TABLE balance_totals (
            account_id text NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            currency text NOT NULL,
            available bigint NOT NULL,
            pending bigint NOT NULL,
            reserved bigint NOT NULL,
            instant_payouts bigint NOT NULL,
            PRIMARY KEY (account_id, currency)
        );
        CREATE TABLE files (
            id uuid PRIMARY KEY,
            customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            name text NOT NULL,
            file_type text,
            content_type text NOT NULL,
            size bigint NOT NULL,
            sha256 text NOT NULL,
            content bytea NOT NULL,
            created_at timestamptz NOT NULL
        );
        CREATE INDEX ix_files_customer_created ON files (customer_id, created_at DESC, id DESC);
        CREATE TABLE jobs (
            id uuid PRIMARY KEY,
            kind text NOT NULL,
            customer_id uuid NOT NULL,
            payload text NOT NULL,
            due_at timestamptz NOT NULL,
            attempts integer NOT NULL DEFAULT 0,
            last_error text,
            created_at timestamptz NOT NULL
        );
        CREATE INDEX ix_jobs_due ON jobs (due_at, id);
        CREATE INDEX ix_jobs_customer_kind ON jobs (customer_id, kind);
        CREATE TABLE idempotency_keys (
            merchant_id text NOT NULL,
            key text NOT NULL,
            fingerprint bytea NOT NULL,
            status_code integer NOT NULL,
            content_type text NOT NULL,
            body bytea NOT NULL,
            created_at timestamptz NOT NULL,
            PRIMARY KEY (merchant_id, key)
        );
        CREATE INDEX ix_idempotency_created ON idempotency_keys (created_at);
        """,
    ];

    /// <summary>The schema version this build migrates to.</summary>
    public static int LatestVersion => Migrations.Length;

    /// <summary>Brings the schema to <see cref="LatestVersion"/>, in the given transaction (which holds the migration lock).</summary>
    public static async Task MigrateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL, applied_at timestamptz NOT NULL);", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int current;
        await using (var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version;", connection, transaction))
        {
            current = (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (current > Migrations.Length)
        {
            throw new InvalidOperationException($"The database has schema version {current}, newer than this emulator ({Migrations.Length}). Use a newer emulator.");
        }

        for (var version = current + 1; version <= Migrations.Length; version++)
        {
            await using (var migrate = new NpgsqlCommand(Migrations[version - 1], connection, transaction))
            {
                await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var record = new NpgsqlCommand("INSERT INTO schema_version (version, applied_at) VALUES (@v, now());", connection, transaction);
            record.Parameters.AddWithValue("v", version);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
