namespace OakNetwork.Payments;

/// <summary>One item of an error's <c>failure_reasons</c>.</summary>
public sealed class FailureReason
{
    /// <summary>Creates a failure reason.</summary>
    /// <param name="code">The machine-readable code.</param>
    /// <param name="message">The human-readable message.</param>
    /// <param name="fields">The offending request fields (dotted for nested ones).</param>
    public FailureReason(string? code, string? message, IReadOnlyList<string>? fields = null)
    {
        Code = code;
        Message = message;
        Fields = fields ?? [];
    }

    /// <summary>The machine-readable code, for example <c>idempotency_mismatch</c>.</summary>
    public string? Code { get; }

    /// <summary>The human-readable message.</summary>
    public string? Message { get; }

    /// <summary>The offending request fields, dotted for nested ones (for example <c>email</c>).</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <inheritdoc/>
    public override string ToString() => Fields.Count == 0 ? $"{Code}: {Message}" : $"{Code}: {Message} ({string.Join(", ", Fields)})";
}
