namespace OakNetwork.Payments;

/// <summary>The API answered with a success status but the body was not the expected JSON.</summary>
public sealed class ParseError : OakError
{
    /// <summary>Creates a parse error.</summary>
    /// <param name="message">A description.</param>
    /// <param name="status">The HTTP status code of the response.</param>
    /// <param name="rawBody">The response body as text.</param>
    /// <param name="exception">The parser's exception, if any.</param>
    public ParseError(string message, int status, string? rawBody, Exception? exception = null)
        : base(message, exception)
    {
        Status = status;
        RawBody = rawBody;
    }

    /// <summary>The HTTP status code of the response.</summary>
    public int Status { get; }

    /// <summary>The response body as text.</summary>
    public string? RawBody { get; }
}
