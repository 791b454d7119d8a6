namespace OakNetwork.Payments.Cli.Demo;

/// <summary>One row of the demo's table.</summary>
internal sealed record DemoStep(int Number, string Operation, int? Status, string Details, TimeSpan Elapsed, bool Ok);
