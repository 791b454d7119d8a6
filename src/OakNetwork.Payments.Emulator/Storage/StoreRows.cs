using System.Data.Common;
using OakNetwork.Payments.Emulator.Customers;

namespace OakNetwork.Payments.Emulator.Storage;

/// <summary>
/// How a store keeps the column types that differ between stores (ids, flags, times). Implemented by an empty
/// struct per store, so the shared row readers in <see cref="StoreRows"/> are specialized per store with no
/// allocation or indirection per row.
/// </summary>
internal interface IStoreColumns
{
    /// <summary>Reads an id column.</summary>
    static abstract Guid GetId(DbDataReader reader, int ordinal);

    /// <summary>Reads a boolean column.</summary>
    static abstract bool GetFlag(DbDataReader reader, int ordinal);

    /// <summary>Reads a (non-null) time column.</summary>
    static abstract DateTimeOffset GetTime(DbDataReader reader, int ordinal);
}

/// <summary>
/// Reads customers, registrations and files from the rows both stores select in the same column order
/// (the store's own SQL, parameters and column types stay in its session).
/// </summary>
internal static class StoreRows
{
    /// <summary>Reads the first customer row of <paramref name="command"/>, or null, with its registrations.</summary>
    public static async Task<CustomerRecord?> ReadSingleCustomerAsync<TColumns>(DbCommand command, IStoreSession session, CancellationToken cancellationToken)
        where TColumns : struct, IStoreColumns
    {
        CustomerRecord? customer = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                customer = ReadCustomer<TColumns>(reader);
            }
        }

        if (customer is not null)
        {
            customer.Platforms = [.. await session.GetRegistrationsAsync(customer.Id, cancellationToken).ConfigureAwait(false)];
        }

        return customer;
    }

    /// <summary>Reads a customer from columns id, merchant_id, the <see cref="CustomerFields"/>, status, synced, synced_at, version, created_at, updated_at.</summary>
    public static CustomerRecord ReadCustomer<TColumns>(DbDataReader reader)
        where TColumns : struct, IStoreColumns
    {
        var customer = new CustomerRecord
        {
            Id = TColumns.GetId(reader, 0),
            MerchantId = reader.GetString(1),
        };
        var ordinal = 2;
        foreach (var field in CustomerFields.All)
        {
            object? value = reader.IsDBNull(ordinal) ? null
                : field.Kind == CustomerFieldKind.NonNegativeInteger ? reader.GetInt64(ordinal)
                : reader.GetString(ordinal);
            field.Set(customer, value);
            ordinal++;
        }

        customer.Status = reader.GetString(ordinal);
        customer.Synced = TColumns.GetFlag(reader, ordinal + 1);
        customer.SyncedAt = reader.IsDBNull(ordinal + 2) ? null : TColumns.GetTime(reader, ordinal + 2);
        customer.Version = reader.GetInt64(ordinal + 3);
        customer.CreatedAt = TColumns.GetTime(reader, ordinal + 4);
        customer.UpdatedAt = TColumns.GetTime(reader, ordinal + 5);
        return customer;
    }

    /// <summary>Reads every registration row of <paramref name="command"/>.</summary>
    public static async Task<List<RegistrationRecord>> ReadRegistrationsAsync<TColumns>(DbCommand command, CancellationToken cancellationToken)
        where TColumns : struct, IStoreColumns
    {
        var list = new List<RegistrationRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadRegistration<TColumns>(reader));
        }

        return list;
    }

    /// <summary>Adds every registration row of <paramref name="command"/> to its customer in <paramref name="byId"/>.</summary>
    public static async Task AddRegistrationsAsync<TColumns>(DbCommand command, Dictionary<Guid, CustomerRecord> byId, CancellationToken cancellationToken)
        where TColumns : struct, IStoreColumns
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var registration = ReadRegistration<TColumns>(reader);
            byId[registration.CustomerId].Platforms.Add(registration);
        }
    }

    /// <summary>Reads a registration from columns customer_id, provider, target_role, status, readiness, rejection_reason, action_required, data, created_at, updated_at.</summary>
    public static RegistrationRecord ReadRegistration<TColumns>(DbDataReader reader)
        where TColumns : struct, IStoreColumns => new()
        {
            CustomerId = TColumns.GetId(reader, 0),
            Provider = reader.GetString(1),
            TargetRole = reader.GetString(2),
            Status = reader.GetString(3),
            Readiness = reader.IsDBNull(4) ? null : reader.GetString(4),
            RejectionReason = reader.IsDBNull(5) ? null : reader.GetString(5),
            ActionRequired = reader.IsDBNull(6) ? null : reader.GetString(6),
            Data = reader.GetString(7),
            CreatedAt = TColumns.GetTime(reader, 8),
            UpdatedAt = TColumns.GetTime(reader, 9),
        };

    /// <summary>Reads every file row of <paramref name="command"/>.</summary>
    public static async Task<List<FileRecord>> ReadFilesAsync<TColumns>(DbCommand command, CancellationToken cancellationToken)
        where TColumns : struct, IStoreColumns
    {
        var files = new List<FileRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            files.Add(ReadFile<TColumns>(reader));
        }

        return files;
    }

    /// <summary>Reads a file from columns id, customer_id, name, file_type, content_type, size, sha256, created_at.</summary>
    public static FileRecord ReadFile<TColumns>(DbDataReader reader)
        where TColumns : struct, IStoreColumns => new(
        TColumns.GetId(reader, 0),
        TColumns.GetId(reader, 1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetString(4),
        reader.GetInt64(5),
        reader.GetString(6),
        TColumns.GetTime(reader, 7));
}
