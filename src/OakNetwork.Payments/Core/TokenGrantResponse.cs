namespace OakNetwork.Payments;

/// <summary>The (unwrapped) answer of the token grant.</summary>
internal sealed class TokenGrantResponse
{
    public string? AccessToken { get; set; }

    public string? TokenType { get; set; }

    public double? ExpiresIn { get; set; }

    public override string ToString() => $"TokenGrantResponse {TokenType}, expires in {ExpiresIn}";
}
