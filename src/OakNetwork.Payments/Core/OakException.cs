namespace OakNetwork.Payments;

/// <summary>Thrown by <see cref="OakResult{T}.EnsureOk"/> and by auto-pagination; carries the <see cref="OakError"/>.</summary>
public sealed class OakException : Exception
{
    /// <summary>Creates an exception carrying an error.</summary>
    /// <param name="error">The error.</param>
    public OakException(OakError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).ToString(), error.Exception)
    {
        Error = error;
    }

    /// <summary>The error.</summary>
    public OakError Error { get; }
}
