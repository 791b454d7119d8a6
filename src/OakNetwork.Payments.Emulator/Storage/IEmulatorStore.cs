namespace OakNetwork.Payments.Emulator.Storage;

/// <summary>
/// The emulator's storage engine. One instance per process; SQLite today, PostgreSQL later. All reads and writes
/// go through an <see cref="IStoreSession"/>, a unit of work holding one transaction.
/// </summary>
internal interface IEmulatorStore : IAsyncDisposable
{
    /// <summary>A human description of where the data lives (a file path, or "temporary").</summary>
    string Description { get; }

    /// <summary>
    /// Creates or migrates the schema (safe when several instances start at once), and returns the secret with
    /// which tokens and download links are signed, creating it on first start so that it survives restarts.
    /// </summary>
    Task<byte[]> InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Opens a unit of work. A write session takes the write lock up front (SQLite <c>BEGIN IMMEDIATE</c>) so that
    /// check-then-write sequences (email uniqueness, idempotency keys, job claims) cannot interleave; a read
    /// session sees one consistent snapshot. Nothing is kept unless <see cref="IStoreSession.CommitAsync"/> is called.
    /// </summary>
    Task<IStoreSession> OpenSessionAsync(bool write, CancellationToken cancellationToken);

    /// <summary>The due time of the earliest pending job, or null; read without taking a write lock.</summary>
    Task<DateTimeOffset?> NextJobDueAtAsync(CancellationToken cancellationToken);
}
