namespace OakNetwork.Payments.Cli.Export;

/// <summary>
/// Writes RFC 4180 CSV: a field is quoted when it holds a comma, a quote, a line break or edge spaces, and its
/// quotes are doubled; records end with CRLF; <see langword="null"/> is an empty field.
/// </summary>
internal sealed class CsvWriter
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];
    private readonly TextWriter _writer;

    public CsvWriter(TextWriter writer)
    {
        _writer = writer;
    }

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var quote = value.IndexOfAny(NeedsQuotes) >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]);
        return quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public void WriteRecord(IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                _writer.Write(',');
            }

            _writer.Write(Escape(field));
            first = false;
        }

        _writer.Write("\r\n");
    }
}
