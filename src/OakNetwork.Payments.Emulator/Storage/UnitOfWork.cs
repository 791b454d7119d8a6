namespace OakNetwork.Payments.Emulator.Storage;

/// <summary>
/// The request's unit of work: one store session, opened on first use (a write session for methods that change
/// things), committed by the pipeline only when the answer is a success, rolled back otherwise.
/// </summary>
internal sealed class UnitOfWork(IEmulatorStore store) : IAsyncDisposable
{
    private IStoreSession? _session;

    /// <summary>Whether the session, once opened, takes the write lock.</summary>
    public bool Write { get; set; } = true;

    public bool HasSession => _session is not null;

    public async ValueTask<IStoreSession> SessionAsync(CancellationToken cancellationToken) =>
        _session ??= await store.OpenSessionAsync(Write, cancellationToken).ConfigureAwait(false);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_session is null)
        {
            return;
        }

        await _session.CommitAsync(cancellationToken).ConfigureAwait(false);
        await RollbackAsync().ConfigureAwait(false);
    }

    /// <summary>Ends the session, discarding what was not committed.</summary>
    public async Task RollbackAsync()
    {
        var session = _session;
        _session = null;
        if (session is not null)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await RollbackAsync().ConfigureAwait(false);
}
