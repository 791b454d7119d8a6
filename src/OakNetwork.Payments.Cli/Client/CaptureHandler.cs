namespace OakNetwork.Payments.Cli.Client;

/// <summary>Records each API response (not the token grant) into the flow's <see cref="ResponseCapture"/>.</summary>
internal sealed class CaptureHandler : DelegatingHandler
{
    public CaptureHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var capture = ResponseCapture.Current;
        if (capture is not null && request.RequestUri?.AbsolutePath.EndsWith("/token/grant", StringComparison.Ordinal) != true)
        {
            capture.Status = (int)response.StatusCode;
            capture.Replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values)
                && values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase));
            if (capture.KeepBody)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                capture.Body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
    }
}
