using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Storage;

namespace TakedownDesk.IntegrationTests.Support;

/// <summary>
/// A real SMTP server on 127.0.0.1 (the SmtpServer package, in process). It records what it accepts, can be told to
/// answer the message data with a 4xx or 5xx reply, and can be stopped and started again on the same port.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly RecordingStore store;
    private global::SmtpServer.SmtpServer? server;
    private CancellationTokenSource? stopping;
    private Task? running;

    private readonly bool noDelay;

    private SmtpTestServer(int port, bool noDelay)
    {
        Port = port;
        this.noDelay = noDelay;
        store = new RecordingStore(this);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>What <see cref="Received"/> holds, each with the instant (system clock) the server accepted it.</summary>
    public ConcurrentQueue<SmtpReceipt> Receipts { get; } = new();

    /// <summary>The reply to the next messages' data: 250 (accept), 4xx (try later), 5xx (refused), or <see cref="DropAfterData"/>.</summary>
    public int ReplyCode { get; set; } = 250;

    /// <summary>A <see cref="ReplyCode"/> that closes the connection once the message data has arrived, before any reply.</summary>
    public const int DropAfterData = -1;

    public bool IsRunning => server is not null;

    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:Host"] = "127.0.0.1",
        ["Email:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:UseTls"] = "false",
        ["Email:From"] = "TakedownDesk <desk@helpline.example>",
        ["Email:TimeoutSeconds"] = "10",
    };

    /// <param name="noDelay">
    /// Nagle's algorithm off on the server's connections, as a real relay has it: with it on, the package's split reply
    /// writes wait for the client's delayed ACK, ~44 ms a message (docs/PERFORMANCE.md). Off only to measure that.
    /// </param>
    public static SmtpTestServer Start(bool noDelay = true)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var smtp = new SmtpTestServer(port, noDelay);
        smtp.StartAgain();
        return smtp;
    }

    public void StartAgain()
    {
        if (server is not null)
        {
            return;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new global::SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        if (noDelay)
        {
            services.Add(new NoDelayListenerFactory());
        }
        server = new global::SmtpServer.SmtpServer(options, services);
        stopping = new CancellationTokenSource();
        running = server.StartAsync(stopping.Token);
    }

    public async Task StopAsync()
    {
        if (server is null)
        {
            return;
        }

        server.Shutdown();
        await stopping!.CancelAsync();
        try
        {
            await running!.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Stopping is what we asked for.
        }

        stopping.Dispose();
        server = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>
    /// The package keeps its listening socket private; reflection reaches it so that TCP_NODELAY can be set there, which
    /// Linux copies to every accepted connection. Without it each message waits ~44 ms.
    /// </summary>
    private sealed class NoDelayListenerFactory : EndpointListenerFactory
    {
        public override IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = base.CreateListener(endpointDefinition);
            var field = listener.GetType().GetField("_tcpListener", BindingFlags.NonPublic | BindingFlags.Instance)
                        ?? throw new InvalidOperationException("SmtpServer's EndpointListener no longer has _tcpListener.");
            ((TcpListener)field.GetValue(listener)!).Server.NoDelay = true;
            return listener;
        }
    }

    private sealed class RecordingStore(SmtpTestServer owner) : MessageStore
    {
        public override Task<global::SmtpServer.Protocol.SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var code = owner.ReplyCode;
            if (code == DropAfterData)
            {
                context.Pipe.Input.Complete();
                context.Pipe.Output.Complete();
                (context.Pipe as IDisposable)?.Dispose();
                return Task.FromResult(global::SmtpServer.Protocol.SmtpResponse.Ok);
            }

            if (code != 250)
            {
                return Task.FromResult(new global::SmtpServer.Protocol.SmtpResponse((global::SmtpServer.Protocol.SmtpReplyCode)code, code >= 500 ? "refused" : "try again later"));
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            owner.Receipts.Enqueue(new SmtpReceipt(message, TimeProvider.System.GetUtcNow().UtcDateTime));
            owner.Received.Enqueue(message);
            return Task.FromResult(global::SmtpServer.Protocol.SmtpResponse.Ok);
        }
    }
}

/// <summary>A message the test server accepted, and when (UTC, system clock, just before its 250 reply).</summary>
public sealed record SmtpReceipt(MimeMessage Message, DateTime ReceivedAtUtc);
