namespace OakNetwork.Payments.Cli;

/// <summary>A problem a person can act on: its message is printed as is (no stack trace) and the command exits.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.Failure)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliException()
        : this("The command failed.")
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.Failure;
    }

    public int ExitCode { get; }
}
