namespace OakNetwork.Payments.Cli.Demo;

/// <summary>A demo step failed; the message says which and why.</summary>
internal sealed class DemoFailedException : Exception
{
    public DemoFailedException(string message)
        : base(message)
    {
    }

    public DemoFailedException()
    {
    }

    public DemoFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
