using System.Buffers;
using System.Net;

namespace OakNetwork.Payments;

/// <summary>
/// A response body read whole into a pooled buffer, replacing the response's content: the body is still read
/// inside the per-try timeout (a stalled body is a timed-out try, retried), but without the growing, unpooled
/// buffer of <see cref="HttpCompletionOption.ResponseContentRead"/>, which for a 100-customer list page
/// (about 100 KB) meant one large-object-heap array per call. The buffer goes back to the pool when the
/// response is disposed.
/// </summary>
internal sealed class PooledResponseBody : HttpContent
{
    private byte[]? _buffer;
    private readonly int _length;

    private PooledResponseBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>The body's bytes; valid until the response is disposed.</summary>
    public ReadOnlyMemory<byte> Body => new(_buffer ?? throw new ObjectDisposedException(nameof(PooledResponseBody)), 0, _length);

    /// <summary>Reads the body of <paramref name="response"/> into a pooled buffer and puts it in place of the content.</summary>
    public static async Task ReplaceContentAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original is null)
        {
            return;
        }

        var expected = original.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(expected is > 0 and < int.MaxValue ? (int)expected.Value : 4096);
        var length = 0;
        try
        {
#if NETSTANDARD2_0
            var stream = await original.ReadAsStreamAsync().ConfigureAwait(false);
#else
            var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#endif
            using (stream)
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, length);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

#if NETSTANDARD2_0
                    var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
#else
                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        var body = new PooledResponseBody(buffer, length);
        foreach (var header in original.Headers)
        {
            body.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        original.Dispose();
        response.Content = body;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var body = Body;
        return stream.WriteAsync(_buffer!, 0, body.Length);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }
}
