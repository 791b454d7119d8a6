namespace OakNetwork.Payments;

/// <summary>The caller's <see cref="CancellationToken"/> canceled the call.</summary>
public sealed class CanceledError : OakError
{
    /// <summary>Creates a canceled error.</summary>
    /// <param name="message">A description.</param>
    /// <param name="exception">The cancellation exception, if any.</param>
    public CanceledError(string message, Exception? exception = null)
        : base(message, exception)
    {
    }
}
