namespace OakNetwork.Payments;

/// <summary>Options for one SDK call.</summary>
public sealed class RequestOptions
{
    /// <summary>
    /// The <c>Idempotency-Key</c> sent with a POST. When <see langword="null"/>, the SDK generates one per call;
    /// either way the same key is sent on every retry of that call.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>The timeout of each try of this call; <see langword="null"/> uses <see cref="OakClientOptions.Timeout"/>.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Extra request headers. <c>Authorization</c> cannot be set here.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
