using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OakNetwork.Payments.Cli.Client;
using OakNetwork.Payments.Cli.Commands;
using OakNetwork.Payments.Cli.Export;
using OakNetwork.Payments.Cli.Output;

namespace OakNetwork.Payments.Cli.Import;

/// <summary>
/// Creates one customer per CSV row, a bounded number at a time. Each row's <c>Idempotency-Key</c> is derived from
/// the file's content hash and the row number, so running the same file again (after an interruption, or twice)
/// replays instead of creating: no duplicates. Rows the server turns down go, with the reason, to a rejects CSV.
/// </summary>
internal sealed class CustomerImporter
{
    private const string AlreadyExistsMessage = "Customer already exists";
    private readonly CustomerService _customers;
    private readonly int _concurrency;

    public CustomerImporter(CustomerService customers, int concurrency)
    {
        _customers = customers;
        _concurrency = concurrency;
    }

    /// <summary>Reads and checks the header; counts the data rows; hashes the content for the idempotency keys.</summary>
    public static ImportPlan Plan(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"File not found: {Path.GetFullPath(path)}", ExitCodes.Usage);
        }

        string keyPrefix;
        using (var stream = File.OpenRead(path))
        {
            var hash = SHA256.HashData(stream);
            keyPrefix = "oak-import-" + Convert.ToHexStringLower(hash)[..32];
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvReader(reader);
        IReadOnlyList<string>? header;
        var rows = 0;
        try
        {
            header = csv.ReadRecord();
            if (header is null)
            {
                throw new CliException($"{path} is empty: the first line must be a header of customer field names (email, first_name, ...).", ExitCodes.Usage);
            }

            while (csv.ReadRecord() is not null)
            {
                rows++;
            }
        }
        catch (FormatException e)
        {
            throw new CliException($"{path} is not valid CSV: {e.Message}", ExitCodes.Usage);
        }

        var columns = header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var unknown = columns.Where(c => !CustomerFieldInput.IsWritable(c)).ToArray();
        if (unknown.Length > 0)
        {
            throw new CliException(
                $"{path}: unknown column(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}. The header must name customer fields: {string.Join(", ", CustomerFieldInput.Writable)}.",
                ExitCodes.Usage);
        }

        if (columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new CliException($"{path}: the column '{duplicate.Key}' appears twice in the header.", ExitCodes.Usage);
        }

        if (!columns.Contains("email"))
        {
            throw new CliException($"{path}: the header has no 'email' column (every customer needs an email).", ExitCodes.Usage);
        }

        return new ImportPlan(path, header, columns, rows, keyPrefix);
    }

    public async Task<ImportSummary> RunAsync(ImportPlan plan, string rejectsPath, Action? onRow, CancellationToken cancellationToken)
    {
        var summary = new ImportSummary { Rows = plan.Rows };
        var stopwatch = Stopwatch.StartNew();
        if (File.Exists(rejectsPath))
        {
            File.Delete(rejectsPath); // a stale rejects file would describe another run
        }

        RejectsFile? rejects = null;
        var rejectsLock = new object();
        try
        {
            await Parallel.ForEachAsync(
                ReadRows(plan),
                new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken },
                async (row, ct) =>
                {
                    var (outcome, reason) = await ImportRowAsync(plan, row, ct).ConfigureAwait(false);
                    summary.Add(outcome);
                    if (reason is not null)
                    {
                        lock (rejectsLock)
                        {
                            rejects ??= new RejectsFile(rejectsPath, plan.Header);
                            rejects.Write(row, reason);
                        }
                    }

                    onRow?.Invoke();
                }).ConfigureAwait(false);
        }
        finally
        {
            rejects?.Dispose();
        }

        summary.RejectsPath = rejects is null ? null : Path.GetFullPath(rejectsPath);
        summary.Elapsed = stopwatch.Elapsed;
        return summary;
    }

    private static IEnumerable<ImportRow> ReadRows(ImportPlan plan)
    {
        using var reader = new StreamReader(plan.Path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvReader(reader);
        csv.ReadRecord(); // the header
        var number = 0;
        while (csv.ReadRecord() is { } record)
        {
            yield return new ImportRow(++number, csv.RecordLine, record);
        }
    }

    private async Task<(ImportOutcome Outcome, string? Reason)> ImportRowAsync(ImportPlan plan, ImportRow row, CancellationToken cancellationToken)
    {
        if (row.Cells.Count != plan.Columns.Count)
        {
            return (ImportOutcome.Rejected, $"line {row.Line}: {row.Cells.Count} field(s), but the header has {plan.Columns.Count}");
        }

        var body = new JsonObject();
        for (var i = 0; i < plan.Columns.Count; i++)
        {
            var cell = row.Cells[i];
            if (cell.Length == 0)
            {
                continue; // an empty cell is an unset field
            }

            if (CustomerFieldInput.TryAdd(body, plan.Columns[i], cell) is { } problem)
            {
                return (ImportOutcome.Rejected, problem);
            }
        }

        var capture = ResponseCapture.Begin(keepBody: false);
        var options = new RequestOptions { IdempotencyKey = plan.KeyPrefix + "-" + row.Number.ToString(CultureInfo.InvariantCulture) };
        var result = await _customers.CreateAsync(CustomerFieldInput.ToCreateRequest(body), options, cancellationToken).ConfigureAwait(false);
        if (result.Ok)
        {
            return (capture.Replayed ? ImportOutcome.AlreadyExisted : ImportOutcome.Created, null);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var error = result.Error;
        return error switch
        {
            ApiError { Status: 400 } api when IsAlreadyExists(api) => (ImportOutcome.AlreadyExisted, null),
            ValidationError => (ImportOutcome.Rejected, error.Message),
            ApiError { Status: 400 or 413 or 415 or 422 } => (ImportOutcome.Rejected, ErrorReporter.OneLine(error)),
            _ => (ImportOutcome.Failed, ErrorReporter.OneLine(error)),
        };
    }

    private static bool IsAlreadyExists(ApiError error)
        => string.Equals(error.Message, AlreadyExistsMessage, StringComparison.OrdinalIgnoreCase)
           || error.FailureReasons.Any(r => string.Equals(r.Code, "already_exists", StringComparison.OrdinalIgnoreCase));

    private sealed class RejectsFile : IDisposable
    {
        private readonly StreamWriter _writer;
        private readonly CsvWriter _csv;

        public RejectsFile(string path, IReadOnlyList<string> header)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            _csv = new CsvWriter(_writer);
            _csv.WriteRecord(["row", .. header, "reason"]);
        }

        public void Write(ImportRow row, string reason)
        {
            _csv.WriteRecord([row.Number.ToString(CultureInfo.InvariantCulture), .. row.Cells, reason]);
        }

        public void Dispose() => _writer.Dispose();
    }
}
