namespace OakNetwork.Payments.Emulator.Tests;

public class SmokeTests
{
    [Fact]
    public void Assembly_loads() => Assert.Equal(1, 1);
}
