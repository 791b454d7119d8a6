namespace OakNetwork.Payments;

/// <summary>Creates <see cref="OakResult{T}"/> values (useful when faking a service in tests).</summary>
public static class OakResult
{
    /// <summary>Creates a successful result.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>A result whose <see cref="OakResult{T}.Ok"/> is <see langword="true"/>.</returns>
    public static OakResult<T> Success<T>(T value) => new(value, null);

    /// <summary>Creates a failed result.</summary>
    /// <typeparam name="T">The type the value would have had.</typeparam>
    /// <param name="error">The error.</param>
    /// <returns>A result whose <see cref="OakResult{T}.Ok"/> is <see langword="false"/>.</returns>
    public static OakResult<T> Failure<T>(OakError error)
        => new(default!, error ?? throw new ArgumentNullException(nameof(error)));
}
