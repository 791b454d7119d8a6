namespace OakNetwork.Payments;

/// <summary>
/// How failed tries are retried: on 408, 429, 500, 502, 503, 504, timeouts and transport failures, with
/// exponential backoff and jitter, honouring <c>Retry-After</c> (capped by <see cref="MaxDelay"/>).
/// </summary>
public sealed class RetryOptions
{
    /// <summary>The number of retries after the first try; 0 disables retries.</summary>
    /// <value>The default value is 2.</value>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The base delay of the exponential backoff.</summary>
    /// <value>The default value is 500 milliseconds.</value>
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two tries, including a server's <c>Retry-After</c>.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    internal RetryOptions Clone() => new() { MaxRetries = MaxRetries, Delay = Delay, MaxDelay = MaxDelay };

    /// <inheritdoc/>
    public override string ToString() => $"MaxRetries = {MaxRetries}, Delay = {Delay}, MaxDelay = {MaxDelay}";
}
