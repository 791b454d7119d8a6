namespace OakNetwork.Payments;

/// <summary>The API could not be reached (connection refused, DNS failure, connection reset, ...).</summary>
public sealed class NetworkError : OakError
{
    /// <summary>Creates a network error.</summary>
    /// <param name="message">A description.</param>
    /// <param name="exception">The transport exception.</param>
    public NetworkError(string message, Exception? exception = null)
        : base(message, exception)
    {
    }
}
