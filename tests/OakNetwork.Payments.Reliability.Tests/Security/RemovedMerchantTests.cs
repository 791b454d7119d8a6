using System.Net;
using System.Net.Http.Headers;
using OakNetwork.Payments.Reliability.Tests.Infrastructure;

namespace OakNetwork.Payments.Reliability.Tests.Security;

/// <summary>
/// A token stays cryptographically valid after its merchant is removed (reset removes every merchant but the
/// development one); it must still be refused. The emulator's tests cover forged, alg-none, altered and expired tokens.
/// </summary>
public sealed class RemovedMerchantTests(InProcessEmulator fixture) : IClassFixture<InProcessEmulator>
{
    [Fact]
    public async Task A_token_issued_for_a_merchant_since_removed_is_401_and_the_sdk_cannot_get_a_new_one()
    {
        var merchant = await fixture.NewMerchantAsync();
        var token = await fixture.GrantTokenAsync(merchant);
        using var client = fixture.Client(merchant);
        var id = (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = $"gone.{Guid.NewGuid():N}@example.com" })).EnsureOk().Data.Id!;
        Assert.Equal(HttpStatusCode.OK, await StatusWithTokenAsync(token, $"api/v1/customers/{id}"));

        using (var reset = await fixture.Http.PostAsync("_emulator/reset", null))
        {
            reset.EnsureSuccessStatusCode();
        }

        // The raw token: 401 on every customer endpoint, even for a path whose customer no longer exists.
        foreach (var path in new[] { "api/v1/customers", $"api/v1/customers/{id}", $"api/v1/customers/{id}/files", $"api/v1/customers/{id}/balances" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithTokenAsync(token, path));
        }

        // The SDK holds the same kind of token: it is refused, the SDK asks for a new one, and the grant says no.
        var result = await client.Customers.GetAsync(id);
        var error = Assert.IsType<ApiError>(result.Error);
        Assert.Equal(404, error.Status);
        Assert.Contains("Merchant not found", error.Message, StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> StatusWithTokenAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await fixture.Http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            Assert.Contains("Invalid or expired token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        return response.StatusCode;
    }
}
