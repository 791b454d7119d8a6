using System.Diagnostics;
using OakNetwork.Payments.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OakNetwork.Payments.Reliability.Tests.Faults;

/// <summary>A server that resets connections mid-response: the SDK retries, then reports a NetworkError; it never hangs.</summary>
public sealed class ConnectionResetTests(ITestOutputHelper output)
{
    private const int MaxRetries = 3;

    [Theory]
    [InlineData(ResetPoint.BeforeAnything)]
    [InlineData(ResetPoint.MidHeaders)]
    [InlineData(ResetPoint.MidBody)]
    public async Task A_reset_mid_response_is_a_network_error_after_the_retries(ResetPoint point)
    {
        await using var server = new ResettingServer(point);
        using var client = InProcessEmulator.CreateClient(server.BaseUrl, new MerchantCredentials("client", "secret"), o =>
        {
            o.Timeout = TimeSpan.FromSeconds(5);
            o.Retry = new RetryOptions { MaxRetries = MaxRetries, Delay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) };
        });

        var clock = Stopwatch.StartNew();
        var get = await client.Customers.GetAsync(Guid.NewGuid().ToString()).WaitAsync(TimeSpan.FromSeconds(30));
        var create = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "reset@example.com" }).WaitAsync(TimeSpan.FromSeconds(30));
        clock.Stop();

        output.WriteLine($"{point}: {server.Resets} resets in {clock.ElapsedMilliseconds} ms; get: {get.Error}; create: {create.Error}");
        Assert.IsType<NetworkError>(get.Error);
        Assert.IsType<NetworkError>(create.Error);
        Assert.Equal(2 * (MaxRetries + 1), server.Resets);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{clock.ElapsedMilliseconds} ms");
    }
}
