using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.IntegrationTests.TestSupport;

namespace OakNetwork.Payments.IntegrationTests;

/// <summary>Every customer belongs to the merchant that created it.</summary>
public sealed class TenancyTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task A_second_merchant_cannot_see_the_first_merchants_customers()
    {
        using var first = await fixture.NewMerchantClientAsync();
        using var second = await fixture.NewMerchantClientAsync();
        var email = $"tenant.{Guid.NewGuid():N}@example.com";
        var customer = (await first.Customers.CreateAsync(new CreateCustomerRequest { Email = email })).EnsureOk().Data;

        Assert.Equal(404, Assert.IsType<ApiError>((await second.Customers.GetAsync(customer.Id!)).Error).Status);
        Assert.Equal(404, Assert.IsType<ApiError>((await second.Customers.UpdateAsync(customer.Id!, new UpdateCustomerRequest { FirstName = "X" })).Error).Status);
        Assert.Equal(404, Assert.IsType<ApiError>((await second.Customers.GetFilesAsync(customer.Id!)).Error).Status);
        Assert.Equal(404, Assert.IsType<ApiError>((await second.Customers.BalanceAsync(customer.Id!)).Error).Status);
        var list = (await second.Customers.ListAsync(new CustomerListQuery { Email = email })).EnsureOk().Data;
        Assert.Equal(0, list.Count);
        Assert.Empty(list.CustomerList);

        // The same email is free for the second merchant.
        Assert.True((await second.Customers.CreateAsync(new CreateCustomerRequest { Email = email })).Ok);
        Assert.Equal(email, (await first.Customers.GetAsync(customer.Id!)).EnsureOk().Data.Email);
    }

    [Fact]
    public async Task Wrong_credentials_are_an_api_error_404_from_the_token_grant()
    {
        using var client = fixture.Emulator.CreateClient(o => o.ClientSecret = "wrong");
        var result = await client.Customers.ListAsync();
        var error = Assert.IsType<ApiError>(result.Error);
        Assert.Equal(404, error.Status);
    }
}
