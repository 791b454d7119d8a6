namespace OakNetwork.Payments;

/// <summary>The entry point of the Oak Payments SDK.</summary>
public sealed class OakClient
{
}
