using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OakNetwork.Payments.Reliability.Tests.Infrastructure;

/// <summary>How far the <see cref="ResettingServer"/> gets into an answer before it resets the connection.</summary>
public enum ResetPoint
{
    BeforeAnything,
    MidHeaders,
    MidBody,
}

/// <summary>
/// A tiny HTTP/1.1 server on loopback that grants tokens normally but answers every other request with a partial
/// response and then resets the TCP connection (linger 0 + close sends RST).
/// </summary>
public sealed class ResettingServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ResetPoint _point;
    private readonly Task _accepting;
    private int _resets;

    public ResettingServer(ResetPoint point)
    {
        _point = point;
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseUrl { get; }

    /// <summary>How many API requests were answered with a reset.</summary>
    public int Resets => Volatile.Read(ref _resets);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            while (true)
            {
                var head = await ReadHeadAsync(stream);
                if (head is null)
                {
                    break;
                }

                if (head.Contains("/merchant/token/grant", StringComparison.Ordinal))
                {
                    var body = "{\"access_token\":\"opaque-test-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"));
                    // Every API request then comes on a fresh connection, so HttpClient never replays it on its own.
                    socket.Shutdown(SocketShutdown.Send);
                    await Task.Delay(100);
                    socket.Close();
                    return;
                }

                Interlocked.Increment(ref _resets);
                var partial = _point switch
                {
                    ResetPoint.MidHeaders => "HTTP/1.1 200 OK\r\nContent-Type: applicat",
                    ResetPoint.MidBody => "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"msg\":\"Customer fetched\",\"data\":{\"id\":\"",
                    _ => "",
                };
                if (partial.Length > 0)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(partial));
                    await stream.FlushAsync();
                    await Task.Delay(20);
                }

                break;
            }
        }
        catch (IOException)
        {
        }
        catch (SocketException)
        {
        }

        // Linger 0: close sends a TCP RST instead of a FIN.
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    /// <summary>Reads a request's head and its Content-Length body; null at the end of the connection.</summary>
    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            buffer.Add(one[0]);
            var n = buffer.Count;
            if (n >= 4 && buffer[n - 4] == '\r' && buffer[n - 3] == '\n' && buffer[n - 2] == '\r' && buffer[n - 1] == '\n')
            {
                break;
            }
        }

        var head = Encoding.ASCII.GetString(buffer.ToArray());
        var length = head.Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        if (length > 0)
        {
            var body = new byte[length];
            await stream.ReadExactlyAsync(body);
        }

        return head;
    }
}
