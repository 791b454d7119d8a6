namespace OakNetwork.Payments.Cli.Import;

/// <summary>One data row: its 1-based number (after the header), the line it starts on, and its cells.</summary>
internal sealed record ImportRow(int Number, int Line, IReadOnlyList<string> Cells);
