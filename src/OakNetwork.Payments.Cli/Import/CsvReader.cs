using System.Text;

namespace OakNetwork.Payments.Cli.Import;

/// <summary>
/// Reads RFC 4180 CSV: comma-separated fields, optionally in double quotes; inside quotes a doubled quote is one
/// quote and commas and line breaks are data. Records end at CRLF, LF or CR. A quote inside an unquoted field is
/// kept as data (lenient); an unterminated quoted field is an error.
/// </summary>
internal sealed class CsvReader
{
    private readonly TextReader _reader;
    private readonly StringBuilder _field = new();

    public CsvReader(TextReader reader)
    {
        _reader = reader;
    }

    /// <summary>The 1-based line on which the last record returned started.</summary>
    public int RecordLine { get; private set; }

    private int Line { get; set; } = 1;

    /// <summary>The next record, or <see langword="null"/> at the end. Blank lines are skipped.</summary>
    /// <exception cref="FormatException">A quoted field is not closed before the end of the input.</exception>
    public IReadOnlyList<string>? ReadRecord()
    {
        while (true)
        {
            var record = ReadRawRecord();
            if (record is null)
            {
                return null;
            }

            if (record.Count == 1 && record[0].Length == 0 && !_lastRecordHadQuotes)
            {
                continue; // a blank line
            }

            return record;
        }
    }

    public IEnumerable<IReadOnlyList<string>> ReadAll()
    {
        while (ReadRecord() is { } record)
        {
            yield return record;
        }
    }

    private bool _lastRecordHadQuotes;

    private List<string>? ReadRawRecord()
    {
        var first = _reader.Peek();
        if (first < 0)
        {
            return null;
        }

        RecordLine = Line;
        _lastRecordHadQuotes = false;
        var fields = new List<string>();
        _field.Clear();
        var inQuotes = false;
        var fieldStarted = false; // a quote only opens a quoted field at the start of the field
        while (true)
        {
            var c = _reader.Read();
            if (c < 0)
            {
                if (inQuotes)
                {
                    throw new FormatException($"A quoted field that starts on line {RecordLine} is not closed before the end of the file.");
                }

                fields.Add(_field.ToString());
                return fields;
            }

            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        _reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n' || (ch == '\r' && _reader.Peek() != '\n'))
                    {
                        Line++;
                    }

                    _field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when !fieldStarted:
                    inQuotes = true;
                    fieldStarted = true;
                    _lastRecordHadQuotes = true;
                    break;
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    fieldStarted = false;
                    break;
                case '\r':
                    if (_reader.Peek() == '\n')
                    {
                        _reader.Read();
                    }

                    Line++;
                    fields.Add(_field.ToString());
                    return fields;
                case '\n':
                    Line++;
                    fields.Add(_field.ToString());
                    return fields;
                default:
                    _field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }
    }
}
