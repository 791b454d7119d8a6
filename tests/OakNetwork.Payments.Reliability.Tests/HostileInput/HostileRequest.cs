using System.Text;

namespace OakNetwork.Payments.Reliability.Tests.HostileInput;

/// <summary>One generated request: method, path and query (already escaped), optional body and its content type.</summary>
public sealed record HostileRequest(string Endpoint, HttpMethod Method, string PathAndQuery, byte[]? Body, string? ContentType, string? IdempotencyKey = null, bool Authenticated = true)
{
    /// <summary>A short, printable description for a failure report (FsCheck prints it with the replay seed).</summary>
    public override string ToString()
    {
        var path = PathAndQuery.Length > 300 ? PathAndQuery[..300] + $"…({PathAndQuery.Length} chars)" : PathAndQuery;
        var body = Body is null ? "(none)" : Body.Length > 300
            ? Printable(Body.AsSpan(0, 300)) + $"…({Body.Length} bytes)"
            : Printable(Body);
        return $"{Endpoint}: {Method} {path} [{ContentType ?? "no content type"}] key={IdempotencyKey ?? "-"} body={body}";
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : $"\\x{b:x2}");
        }

        return text.ToString();
    }
}
