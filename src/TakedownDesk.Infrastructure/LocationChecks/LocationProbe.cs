using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.LocationChecks;
using TakedownDesk.Application.Ports;

namespace TakedownDesk.Infrastructure.LocationChecks;

/// <summary>
/// Asks a location for its status code without fetching the content. HEAD first; GET only when HEAD is refused and
/// the page is HTML, reading at most a few KB of it and keeping none; an image, video or other content type's body is
/// never read. The connected IP is checked in the handler's ConnectCallback, so DNS rebinding and every redirect hop
/// (followed here, never by the handler) meet the same rule. Time and size are capped; each host is paced.
/// </summary>
public sealed partial class LocationProbe : ILocationProbe, IDisposable
{
    private readonly HttpClient client;
    private readonly IOptions<LocationCheckOptions> options;
    private readonly HostPacer pacer;
    private readonly TimeProvider time;
    private readonly ILogger<LocationProbe> logger;

    public LocationProbe(IOptions<LocationCheckOptions> options, HostPacer pacer, TimeProvider time, ILogger<LocationProbe> logger)
    {
        this.options = options;
        this.pacer = pacer;
        this.time = time;
        this.logger = logger;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxResponseHeadersLength = 32,
            // An unread body closes the connection instead of being drained for reuse: nothing more of it is read.
            MaxResponseDrainSize = 0,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectTimeout = options.Value.Timeout,
            ConnectCallback = ConnectToAllowedAddressAsync,
        };
        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<ProbeResult> ProbeAsync(string url, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var deadline = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await FollowAsync(url, settings, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Refused(ProbeFailure.TimedOut);
        }
        catch (HttpRequestException exception) when (exception.InnerException is BlockedAddressException)
        {
            return Refused(ProbeFailure.BlockedAddress);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            return Refused(ProbeFailure.Unreachable);
        }
    }

    public void Dispose() => client.Dispose();

    private async Task<ProbeResult> FollowAsync(string url, LocationCheckOptions settings, CancellationToken cancellationToken)
    {
        if (!TryAddress(url, null, out var address))
        {
            return Refused(ProbeFailure.InvalidAddress);
        }

        for (var hop = 0; hop <= settings.MaxRedirects; hop++)
        {
            await pacer.WaitTurnAsync(address.IdnHost, settings.PerHostInterval, cancellationToken);
            using var head = await SendAsync(HttpMethod.Head, address, settings, cancellationToken);
            var response = head;
            HttpResponseMessage? get = null;
            try
            {
                if (head.StatusCode is (HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented) && !IsMedia(head.Content.Headers.ContentType))
                {
                    await pacer.WaitTurnAsync(address.IdnHost, settings.PerHostInterval, cancellationToken);
                    get = await SendAsync(HttpMethod.Get, address, settings, cancellationToken);
                    response = get;
                    if (IsHtml(get.Content.Headers.ContentType))
                    {
                        await ReadAtMostAsync(get, settings.MaxBodyBytes, cancellationToken);
                    }
                }

                var code = (int)response.StatusCode;
                if (code is < 300 or >= 400 || code == 304 || response.Headers.Location is null)
                {
                    return new ProbeResult(code, address.AbsoluteUri);
                }

                if (!TryAddress(response.Headers.Location?.OriginalString, address, out var next))
                {
                    return Refused(ProbeFailure.InvalidAddress);
                }

                address = next;
            }
            finally
            {
                get?.Dispose();
            }
        }

        return Refused(ProbeFailure.TooManyRedirects);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri address, LocationCheckOptions settings, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, address);
        request.Headers.UserAgent.ParseAdd(settings.UserAgent);
        request.Headers.Accept.ParseAdd("text/html");
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>Reads and discards at most <paramref name="limit"/> bytes: enough for the server to have answered, never the page.</summary>
    private static async Task ReadAtMostAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Math.Clamp(limit, 0, 64 * 1024)];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        Array.Clear(buffer);
    }

    private static bool IsHtml(MediaTypeHeaderValue? type) =>
        type?.MediaType is "text/html" or "application/xhtml+xml";

    private static bool IsMedia(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media && (media.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
                                         || media.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
                                         || media.StartsWith("audio/", StringComparison.OrdinalIgnoreCase));

    /// <summary>Only absolute http(s) addresses (a redirect's may be relative to the hop it came from), without user info.</summary>
    private static bool TryAddress(string? text, Uri? relativeTo, out Uri address)
    {
        address = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (!(relativeTo is null ? Uri.TryCreate(text, UriKind.Absolute, out var parsed) : Uri.TryCreate(relativeTo, text, out parsed))
            || parsed.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(parsed.UserInfo))
        {
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>Resolves the host itself and connects only to an allowed address: what is checked is what is connected to.</summary>
    private async ValueTask<Stream> ConnectToAllowedAddressAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var allowLoopback = options.Value.AllowLoopbackForTests;
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0 || !addresses.All(a => PublicAddresses.IsAllowed(a, allowLoopback)))
        {
            throw new BlockedAddressException();
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            if (socket.RemoteEndPoint is not IPEndPoint connected || !PublicAddresses.IsAllowed(connected.Address, allowLoopback))
            {
                throw new BlockedAddressException();
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private ProbeResult Refused(ProbeFailure failure)
    {
        LogRefused(failure);
        return new ProbeResult(null, null, failure);
    }

    [LoggerMessage(EventId = LogEvents.LocationCheckRefused, Level = LogLevel.Information, Message = "A location check got no usable answer ({Failure})")]
    private partial void LogRefused(ProbeFailure failure);

    private sealed class BlockedAddressException() : IOException("The address is not a public one.");
}
