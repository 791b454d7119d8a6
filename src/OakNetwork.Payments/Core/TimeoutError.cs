namespace OakNetwork.Payments;

/// <summary>The API did not answer within the per-try timeout (on the last try).</summary>
public sealed class TimeoutError : OakError
{
    /// <summary>Creates a timeout error.</summary>
    /// <param name="message">A description.</param>
    /// <param name="timeout">The timeout that elapsed.</param>
    /// <param name="exception">The exception that reported the timeout.</param>
    public TimeoutError(string message, TimeSpan timeout, Exception? exception = null)
        : base(message, exception)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }
}
