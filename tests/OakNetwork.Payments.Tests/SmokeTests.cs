namespace OakNetwork.Payments.Tests;

public class SmokeTests
{
    [Fact]
    public void Assembly_loads() => Assert.Equal(1, 1);
}
