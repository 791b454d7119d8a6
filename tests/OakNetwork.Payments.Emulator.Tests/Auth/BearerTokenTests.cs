using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OakNetwork.Payments.Emulator.Auth;
using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Auth;

public sealed class BearerTokenTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Customers = "/api/v1/customers";

    [Fact]
    public async Task Request_without_token_is_401_token_is_missing()
    {
        var reply = await fixture.Anonymous.GetAsync(Customers);

        Expect.Error(reply, 401, "Token is missing");
        Assert.Equal("Bearer", reply.Header("WWW-Authenticate"));
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.")]
    public async Task Malformed_token_is_401_invalid_or_expired(string token)
    {
        var reply = await fixture.Anonymous.GetAsync(Customers, bearer: token);

        Expect.Error(reply, 401, "Invalid or expired token");
    }

    [Fact]
    public async Task Non_bearer_authorization_is_401_invalid_or_expired()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Customers);
        request.Headers.TryAddWithoutValidation("Authorization", "Basic b2FrOm9haw==");

        var reply = await fixture.Anonymous.SendAsync(request);

        Expect.Error(reply, 401, "Invalid or expired token");
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_401()
    {
        var forged = Jwt("""{"alg":"HS256","typ":"JWT"}""", Payload(Subject()), RandomNumberGenerator.GetBytes(32));

        Expect.Error(await fixture.Anonymous.GetAsync(Customers, bearer: forged), 401, "Invalid or expired token");
    }

    [Fact]
    public async Task Token_with_alg_none_is_401()
    {
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Payload(Subject())));

        Expect.Error(await fixture.Anonymous.GetAsync(Customers, bearer: $"{header}.{payload}."), 401, "Invalid or expired token");
    }

    [Fact]
    public async Task Token_with_another_alg_but_the_right_key_is_401()
    {
        // Even with the emulator's own key, only HS256 is accepted.
        var key = fixture.Emulator.Services.GetRequiredService<SigningKeys>().TokenKey;
        var token = Jwt("""{"alg":"HS512","typ":"JWT"}""", Payload(Subject()), key);

        Expect.Error(await fixture.Anonymous.GetAsync(Customers, bearer: token), 401, "Invalid or expired token");
    }

    [Fact]
    public async Task Token_whose_payload_was_altered_is_401()
    {
        var parts = fixture.Dev.Token!.Split('.');
        var altered = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Payload(Guid.NewGuid().ToString())));

        Expect.Error(await fixture.Anonymous.GetAsync(Customers, bearer: $"{parts[0]}.{altered}.{parts[2]}"), 401, "Invalid or expired token");
    }

    [Fact]
    public async Task Expired_token_is_401()
    {
        var tokens = fixture.Emulator.Services.GetRequiredService<TokenService>();
        var expired = tokens.Issue(Subject(), DateTimeOffset.UtcNow.AddHours(-2));

        Expect.Error(await fixture.Anonymous.GetAsync(Customers, bearer: expired), 401, "Invalid or expired token");
    }

    [Fact]
    public async Task Valid_token_is_accepted_on_every_customer_endpoint()
    {
        var reply = await fixture.Dev.GetAsync(Customers);

        Expect.Success(reply);
    }

    private string Subject()
    {
        var payload = fixture.Dev.Token!.Split('.')[1];
        using var document = System.Text.Json.JsonDocument.Parse(Base64Url.DecodeFromChars(payload));
        return document.RootElement.GetProperty("sub").GetString()!;
    }

    private static string Payload(string subject)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $$"""{"sub":"{{subject}}","iat":{{now}},"exp":{{now + 3600}},"jti":"x"}""";
    }

    private static string Jwt(string header, string payload, byte[] key)
    {
        var input = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        return input + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(input)));
    }
}
