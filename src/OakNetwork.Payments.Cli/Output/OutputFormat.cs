namespace OakNetwork.Payments.Cli.Output;

/// <summary>How a command prints its result.</summary>
internal enum OutputFormat
{
    /// <summary>Human-readable tables (Spectre.Console).</summary>
    Table,

    /// <summary>The API's raw <c>data</c>, indented JSON, for scripts and <c>jq</c>.</summary>
    Json,
}
