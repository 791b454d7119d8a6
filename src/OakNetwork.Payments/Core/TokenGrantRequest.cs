namespace OakNetwork.Payments;

/// <summary>The body of <c>POST /api/v1/merchant/token/grant</c>.</summary>
internal sealed class TokenGrantRequest
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string GrantType { get; set; } = "client_credentials";

    public override string ToString() => $"TokenGrantRequest {ClientId}";
}
