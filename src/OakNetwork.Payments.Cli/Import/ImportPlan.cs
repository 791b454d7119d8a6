namespace OakNetwork.Payments.Cli.Import;

/// <summary>A checked import file: its header (as written and as field names), its row count and its key prefix.</summary>
internal sealed record ImportPlan(string Path, IReadOnlyList<string> Header, IReadOnlyList<string> Columns, int Rows, string KeyPrefix);
