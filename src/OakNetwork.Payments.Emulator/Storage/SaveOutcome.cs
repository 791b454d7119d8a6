namespace OakNetwork.Payments.Emulator.Storage;

/// <summary>How a customer insert or update went.</summary>
internal enum SaveOutcome
{
    /// <summary>Written.</summary>
    Saved,

    /// <summary>Another customer of the merchant has the email (the unique index refused it).</summary>
    DuplicateEmail,

    /// <summary>The stored version was not the expected one (a concurrent update won).</summary>
    VersionConflict,
}
