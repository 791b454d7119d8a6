namespace OakNetwork.Payments;

/// <summary>An access token or the reason there is none. Never printed.</summary>
internal readonly struct TokenOutcome
{
    private TokenOutcome(string? value, OakError? error)
    {
        Value = value;
        Error = error;
    }

    public string? Value { get; }

    public OakError? Error { get; }

    public static TokenOutcome Success(string value) => new(value, null);

    public static TokenOutcome Failure(OakError error) => new(null, error);

    public override string ToString() => Error is null ? "token (hidden)" : Error.ToString();
}
