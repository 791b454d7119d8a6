namespace OakNetwork.Payments;

/// <summary>The input was invalid; no request was sent.</summary>
public sealed class ValidationError : OakError
{
    /// <summary>Creates a validation error.</summary>
    /// <param name="message">A description.</param>
    /// <param name="field">The offending argument or field, if one.</param>
    public ValidationError(string message, string? field = null)
        : base(message)
    {
        Field = field;
    }

    /// <summary>The offending argument or field (for example <c>email</c>), if one.</summary>
    public string? Field { get; }
}
