namespace OakNetwork.Payments.Cli.Import;

/// <summary>The counts of an import, safe to update from concurrent rows.</summary>
internal sealed class ImportSummary
{
    private int _created;
    private int _alreadyExisted;
    private int _rejected;
    private int _failed;

    public int Rows { get; init; }

    public int Created => _created;

    public int AlreadyExisted => _alreadyExisted;

    public int Rejected => _rejected;

    public int Failed => _failed;

    public string? RejectsPath { get; set; }

    public TimeSpan Elapsed { get; set; }

    public void Add(ImportOutcome outcome)
    {
        switch (outcome)
        {
            case ImportOutcome.Created:
                Interlocked.Increment(ref _created);
                break;
            case ImportOutcome.AlreadyExisted:
                Interlocked.Increment(ref _alreadyExisted);
                break;
            case ImportOutcome.Rejected:
                Interlocked.Increment(ref _rejected);
                break;
            default:
                Interlocked.Increment(ref _failed);
                break;
        }
    }
}
