namespace OakNetwork.Payments.Emulator.Json;

/// <summary>One item of an error envelope's <c>failure_reasons</c>.</summary>
/// <param name="Code">A machine-readable rule name, e.g. <c>required</c>.</param>
/// <param name="Message">Human text naming the field and the rule.</param>
/// <param name="Fields">The offending request fields, dotted for nested ones.</param>
internal sealed record FailureReason(string Code, string Message, IReadOnlyList<string> Fields)
{
    /// <summary>A reason about one field.</summary>
    public static FailureReason For(string field, string code, string message) => new(code, message, [field]);
}
