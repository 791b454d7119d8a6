namespace OakNetwork.Payments.Cli;

/// <summary>The exit codes of <c>oak</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The operation failed (an API error, an unreachable server, rejected rows, a failed demo step).</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or configuration (unknown option, missing credentials, unreadable file).</summary>
    public const int Usage = 2;
}
