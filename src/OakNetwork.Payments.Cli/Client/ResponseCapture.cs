namespace OakNetwork.Payments.Cli.Client;

/// <summary>
/// What the HTTP layer saw of the last API response of the current async flow: its status, whether it was an
/// idempotent replay, and (when asked for) its raw body, so <c>--output json</c> can print the server's own
/// <c>data</c>. Start one with <see cref="Begin"/> before an SDK call; the <see cref="CaptureHandler"/> fills it.
/// </summary>
internal sealed class ResponseCapture
{
    private static readonly AsyncLocal<ResponseCapture?> CurrentCapture = new();

    public static ResponseCapture? Current => CurrentCapture.Value;

    public bool KeepBody { get; init; }

    public int? Status { get; set; }

    public bool Replayed { get; set; }

    public byte[]? Body { get; set; }

    /// <summary>Starts capturing for the rest of the calling async flow.</summary>
    public static ResponseCapture Begin(bool keepBody)
    {
        var capture = new ResponseCapture { KeepBody = keepBody };
        CurrentCapture.Value = capture;
        return capture;
    }
}
