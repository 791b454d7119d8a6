using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.IntegrationTests.TestSupport;

namespace OakNetwork.Payments.IntegrationTests;

/// <summary>An emulator whose access tokens live one second.</summary>
public sealed class ShortTokenEmulatorFixture : EmulatorFixture
{
    protected override void Configure(EmulatorOptions options) => options.TokenLifetime = TimeSpan.FromSeconds(1);
}

/// <summary>Token expiry is the SDK's business, never the caller's.</summary>
public sealed class TokenExpiryTests(ShortTokenEmulatorFixture fixture) : IClassFixture<ShortTokenEmulatorFixture>
{
    [Fact]
    public async Task Calls_after_the_token_expired_succeed_with_a_new_token()
    {
        // No refresh skew: the SDK keeps the token to its last second, so expiry happens on the server's side too.
        using var client = fixture.Emulator.CreateClient(o => o.TokenRefreshSkew = TimeSpan.Zero);
        var customer = (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = $"tok.{Guid.NewGuid():N}@example.com" })).EnsureOk().Data;

        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.2));
            Assert.Equal(customer.Id, (await client.Customers.GetAsync(customer.Id!)).EnsureOk().Data.Id);
        }

        var journal = await fixture.AdminGetAsync("_emulator/requests?limit=100");
        var entries = journal.GetProperty("data").EnumerateArray().ToList();
        var grants = entries.Count(e => e.GetProperty("path").GetString() == "/api/v1/merchant/token/grant" && e.GetProperty("status").GetInt32() == 200);
        Assert.True(grants >= 3, $"expected a new token after each expiry, saw {grants} grant(s)");
    }
}
