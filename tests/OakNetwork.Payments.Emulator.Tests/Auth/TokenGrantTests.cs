using System.Buffers.Text;
using System.Text.Json;
using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Auth;

public sealed class TokenGrantTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Path = "/api/v1/merchant/token/grant";

    [Fact]
    public async Task Grant_with_development_credentials_returns_an_unwrapped_hs256_jwt_with_expiry_in_seconds()
    {
        var reply = await fixture.Anonymous.PostAsync(Path, """{"client_id":"oak-dev-client","client_secret":"oak-dev-secret","grant_type":"client_credentials"}""");

        Assert.Equal(200, reply.Status);
        Assert.StartsWith("req_", reply.Header("X-Request-Id"));
        Assert.False(reply.Json.TryGetProperty("msg", out _));
        Assert.Equal("Bearer", reply.Json.GetProperty("token_type").GetString());
        Assert.Equal(3600, reply.Json.GetProperty("expires_in").GetInt64());
        var parts = reply.Json.GetProperty("access_token").GetString()!.Split('.');
        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        Assert.Equal("HS256", header.RootElement.GetProperty("alg").GetString());
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var claims = payload.RootElement;
        Assert.False(string.IsNullOrEmpty(claims.GetProperty("sub").GetString()));
        Assert.False(string.IsNullOrEmpty(claims.GetProperty("jti").GetString()));
        Assert.Equal(3600, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
    }

    [Theory]
    [InlineData("oak-dev-client", "wrong-secret")]
    [InlineData("nobody", "oak-dev-secret")]
    public async Task Grant_with_bad_credentials_is_404(string clientId, string secret)
    {
        var reply = await fixture.Anonymous.PostAsync(Path, JsonSerializer.Serialize(new { client_id = clientId, client_secret = secret, grant_type = "client_credentials" }));

        Expect.Error(reply, 404, "Merchant not found or invalid credentials");
    }

    [Theory]
    [InlineData("""{"client_secret":"oak-dev-secret","grant_type":"client_credentials"}""", "client_id")]
    [InlineData("""{"client_id":"oak-dev-client","grant_type":"client_credentials"}""", "client_secret")]
    [InlineData("""{"client_id":"oak-dev-client","client_secret":"oak-dev-secret"}""", "grant_type")]
    [InlineData("""{"client_id":"oak-dev-client","client_secret":"oak-dev-secret","grant_type":"password"}""", "grant_type")]
    [InlineData("""{"client_id":42,"client_secret":"oak-dev-secret","grant_type":"client_credentials"}""", "client_id")]
    public async Task Grant_with_a_missing_or_wrong_field_is_422_naming_it(string body, string field)
    {
        var reply = await fixture.Anonymous.PostAsync(Path, body);

        Expect.Error(reply, 422, null, field);
    }

    [Fact]
    public async Task Grant_with_malformed_json_is_422()
    {
        var reply = await fixture.Anonymous.PostAsync(Path, "{\"client_id\":");

        Expect.Error(reply, 422);
    }
}
