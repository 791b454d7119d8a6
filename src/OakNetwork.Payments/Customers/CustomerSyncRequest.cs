namespace OakNetwork.Payments;

/// <summary>The body of <see cref="CustomerService.SyncAsync"/>: exactly one provider and at least one field.</summary>
public sealed class CustomerSyncRequest
{
    /// <summary>The provider to sync to; exactly one. Wire name <c>providers</c>.</summary>
    public IReadOnlyList<Provider> Providers { get; set; } = [];

    /// <summary>The fields to sync; at least one, no duplicates. Wire name <c>fields</c>.</summary>
    public IReadOnlyList<SyncField> Fields { get; set; } = [];
}
