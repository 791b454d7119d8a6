namespace OakNetwork.Payments.Emulator.Platforms;

/// <summary>The 12 customer lifecycle statuses of contract §3 (UPPERCASE on the wire).</summary>
internal static class LifecycleStatus
{
    public const string NotStarted = "NOT_STARTED";
    public const string Initiated = "INITIATED";
    public const string Incomplete = "INCOMPLETE";
    public const string DocumentRequired = "DOCUMENT_REQUIRED";
    public const string DocumentPending = "DOCUMENT_PENDING";
    public const string DocumentApproved = "DOCUMENT_APPROVED";
    public const string InReview = "IN_REVIEW";
    public const string Processing = "PROCESSING";
    public const string Pending = "PENDING";
    public const string AwaitingConfirmation = "AWAITING_CONFIRMATION";
    public const string Approved = "APPROVED";
    public const string Rejected = "REJECTED";
}
