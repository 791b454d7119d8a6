namespace OakNetwork.Payments.Cli.Import;

/// <summary>What happened to one CSV row.</summary>
internal enum ImportOutcome
{
    /// <summary>The customer was created by this run.</summary>
    Created,

    /// <summary>The customer was there already: created by an earlier run (replayed), or its email exists.</summary>
    AlreadyExisted,

    /// <summary>The row is invalid (locally or by the server's validation); it is in the rejects file.</summary>
    Rejected,

    /// <summary>The row could not be sent (network, server error, timeout); it is in the rejects file, a re-run retries it.</summary>
    Failed,
}
