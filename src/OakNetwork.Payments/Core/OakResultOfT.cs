using System.Diagnostics.CodeAnalysis;

namespace OakNetwork.Payments;

/// <summary>
/// The outcome of an SDK call: either a value (<see cref="Ok"/> is <see langword="true"/>) or an
/// <see cref="OakError"/>. SDK calls return failures instead of throwing; <see cref="EnsureOk"/> throws for
/// those who prefer exceptions.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
public sealed class OakResult<T>
{
    private readonly T _value;

    internal OakResult(T value, OakError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary><see langword="true"/> when the call succeeded and <see cref="Value"/> holds its value.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Ok => Error is null;

    /// <summary>The value of a successful call.</summary>
    /// <exception cref="InvalidOperationException">The call failed; read <see cref="Error"/> instead.</exception>
    public T Value => Error is null
        ? _value
        : throw new InvalidOperationException($"The call failed, so it has no value: {Error.Message}");

    /// <summary>The error of a failed call; <see langword="null"/> when the call succeeded.</summary>
    public OakError? Error { get; }

    /// <summary>Gets the value when the call succeeded.</summary>
    /// <param name="value">The value, or the default when the call failed.</param>
    /// <returns><see langword="true"/> when the call succeeded.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return Error is null;
    }

    /// <summary>Returns the value, or throws an <see cref="OakException"/> carrying the error.</summary>
    /// <returns>The value of a successful call.</returns>
    /// <exception cref="OakException">The call failed.</exception>
    public T EnsureOk() => Error is null ? _value : throw new OakException(Error);

    /// <summary>Describes the result (the error's message when it failed).</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => Error is null ? $"Ok: {_value}" : $"Failed: {Error}";
}
