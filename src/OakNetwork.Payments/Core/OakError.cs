namespace OakNetwork.Payments;

/// <summary>
/// Why an SDK call failed. The subclasses say what kind of failure it was: <see cref="ApiError"/>,
/// <see cref="NetworkError"/>, <see cref="TimeoutError"/>, <see cref="ParseError"/>, <see cref="CanceledError"/>,
/// <see cref="ValidationError"/> and <see cref="ConfigurationError"/>. Never carries credentials or tokens.
/// </summary>
public abstract class OakError
{
    /// <summary>Initialises the error.</summary>
    /// <param name="message">A human-readable description.</param>
    /// <param name="exception">The exception that caused the failure, if any.</param>
    protected OakError(string message, Exception? exception = null)
    {
        Message = message ?? string.Empty;
        Exception = exception;
    }

    /// <summary>A human-readable description of the failure.</summary>
    public string Message { get; }

    /// <summary>The exception that caused the failure, if any.</summary>
    public Exception? Exception { get; }

    /// <summary>Describes the error as <c>Kind: message</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{GetType().Name}: {Message}";
}
