using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TakedownDesk.IntegrationTests.LocationChecks;

/// <summary>
/// A bare TCP server on 127.0.0.1 speaking just enough HTTP/1.1 to refuse HEAD and answer GET with a large body. Unlike
/// Kestrel, which may discard writes once a client has gone, its socket writes block when the client reads nothing and
/// fail once the client resets, so <see cref="BytesWritten"/> bounds what the client read.
/// </summary>
public sealed class RawHttpSite : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly string contentType;
    private readonly long bodyLength;
    private readonly Task accepting;
    private long bytesWritten;

    public RawHttpSite(string contentType, long bodyLength)
    {
        this.contentType = contentType;
        this.bodyLength = bodyLength;
        listener.Start();
        accepting = AcceptAsync();
    }

    public ConcurrentQueue<string> Requests { get; } = new();

    public long BytesWritten => Interlocked.Read(ref bytesWritten);

    public string Url(string path) => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}{path}";

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                connections.Add(AnswerAsync(await listener.AcceptSocketAsync(stopping.Token)));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        await Task.WhenAll(connections);
    }

    private async Task AnswerAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                await using var stream = new NetworkStream(socket, ownsSocket: false);
                var head = await ReadRequestHeadAsync(stream);
                var parts = head.Split(' ', 3);
                Requests.Enqueue($"{parts[0]} {parts[1]}");
                if (parts[0] == "HEAD")
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), stopping.Token);
                    return;
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {bodyLength}\r\nConnection: close\r\n\r\n"), stopping.Token);
                var chunk = new byte[64 * 1024];
                for (long sent = 0; sent < bodyLength; sent += chunk.Length)
                {
                    await stream.WriteAsync(chunk, stopping.Token);
                    Interlocked.Add(ref bytesWritten, chunk.Length);
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
            {
                // The client reset the connection: what a reader that stops early does.
            }
        }
    }

    private async Task<string> ReadRequestHeadAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var one = new byte[1];
        while (received.Count < 16 * 1024 && !(received.Count >= 4 && received[^4] == '\r' && received[^3] == '\n' && received[^2] == '\r' && received[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, stopping.Token) == 0)
            {
                break;
            }

            received.Add(one[0]);
        }

        return Encoding.ASCII.GetString([.. received]);
    }
}
