using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TakedownDesk.Application.Features.LocationChecks;
using TakedownDesk.Application.Ports;
using TakedownDesk.Infrastructure.LocationChecks;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.LocationChecks;

/// <summary>
/// The location check asks only public addresses, for a status code, within its limits: each blocked range, DNS names
/// and redirects that lead to blocked addresses, oversized and slow answers, and image bodies that are never read.
/// The probe runs against a real Kestrel server on 127.0.0.1 (reachable only with AllowLoopbackForTests).
/// </summary>
public sealed class SsrfTests
{
    private const long LargeBody = 64L * 1024 * 1024;

    public static TheoryData<string> BlockedAddresses() => new()
    {
        "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.100.100.200", "100.127.255.254",
        "127.0.0.1", "127.255.255.254", "169.254.0.1", "169.254.169.254", "172.16.0.1", "172.31.255.255",
        "192.0.0.8", "192.0.2.1", "192.88.99.1", "192.168.0.1", "192.168.255.255", "198.18.0.1", "198.19.255.255",
        "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "168.63.129.16",
        "::", "::1", "::127.0.0.1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:192.168.1.1",
        "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "64:ff9b:1::a00:1", "2002:7f00:1::", "2002:a9fe:a9fe::1", "2001:0:4136:e378::1",
        "2001:db8::1", "100::1", "fc00::1", "fd00:ec2::254", "fe80::1", "febf::1", "fec0::1", "ff02::1", "ff05::1:3",
    };

    public static TheoryData<string> PublicAddressList() => new()
    {
        "8.8.8.8", "1.1.1.1", "93.184.216.34", "11.0.0.1", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
        "192.167.255.255", "192.169.0.1", "223.255.255.254", "2606:4700:4700::1111", "2a00:1450:4001:82b::200e", "::ffff:8.8.8.8",
        "64:ff9b::808:808", "2002:808:808::1",
    };

    [Theory]
    [MemberData(nameof(BlockedAddresses))]
    public void Every_private_reserved_loopback_link_local_cgnat_multicast_and_metadata_address_is_refused(string address)
    {
        Assert.False(PublicAddresses.IsAllowed(IPAddress.Parse(address), allowLoopback: false));
    }

    [Theory]
    [MemberData(nameof(PublicAddressList))]
    public void Public_unicast_addresses_are_allowed(string address)
    {
        Assert.True(PublicAddresses.IsAllowed(IPAddress.Parse(address), allowLoopback: false));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("64:ff9b::7f00:1", false)]
    public void The_test_switch_allows_loopback_and_nothing_else(string address, bool allowed)
    {
        Assert.Equal(allowed, PublicAddresses.IsAllowed(IPAddress.Parse(address), allowLoopback: true));
    }

    [Fact]
    public void Loopback_is_refused_by_default()
    {
        Assert.False(new LocationCheckOptions().AllowLoopbackForTests);
    }

    [Theory]
    [InlineData("http://10.0.0.1:9/a")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/")]
    [InlineData("http://[::ffff:192.168.1.1]/")]
    [InlineData("http://0x0a000001/")]
    public async Task A_literal_blocked_address_is_refused_before_connecting(string url)
    {
        using var probe = Probe(allowLoopback: true);

        var result = await probe.ProbeAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(new ProbeResult(null, null, ProbeFailure.BlockedAddress), result);
    }

    [Fact]
    public async Task Loopback_is_refused_by_address_and_by_a_dns_name_that_resolves_to_it_and_the_site_is_never_asked()
    {
        await using var site = await TestSite.StartAsync((context, _) => context.Response.WriteAsync("up"));
        using var probe = Probe(allowLoopback: false);

        var byAddress = await probe.ProbeAsync(site.Url("/photo"), TestContext.Current.CancellationToken);
        var byName = await probe.ProbeAsync($"http://localhost:{site.Port}/photo", TestContext.Current.CancellationToken);

        Assert.Equal(ProbeFailure.BlockedAddress, byAddress.Failure);
        Assert.Equal(ProbeFailure.BlockedAddress, byName.Failure);
        Assert.Null(byName.StatusCode);
        Assert.Empty(site.Requests);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/", ProbeFailure.BlockedAddress)]
    [InlineData("http://10.1.2.3/admin", ProbeFailure.BlockedAddress)]
    [InlineData("http://[::ffff:10.0.0.1]/", ProbeFailure.BlockedAddress)]
    [InlineData("http://[fe80::1]/", ProbeFailure.BlockedAddress)]
    [InlineData("file:///etc/passwd", ProbeFailure.InvalidAddress)]
    [InlineData("gopher://127.0.0.1:25/", ProbeFailure.InvalidAddress)]
    [InlineData("http://user:secret@example.org/", ProbeFailure.InvalidAddress)]
    public async Task A_redirect_to_a_blocked_address_or_scheme_is_not_followed(string target, ProbeFailure expected)
    {
        await using var site = await TestSite.StartAsync((context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = target;
            return Task.CompletedTask;
        });
        using var probe = Probe(allowLoopback: true);

        var result = await probe.ProbeAsync(site.Url("/start"), TestContext.Current.CancellationToken);

        Assert.Equal(new ProbeResult(null, null, expected), result);
        Assert.Equal(["HEAD /start"], site.Requests);
    }

    [Fact]
    public async Task Redirects_are_followed_one_hop_at_a_time_up_to_the_limit()
    {
        await using var site = await TestSite.StartAsync((context, _) =>
        {
            var path = context.Request.Path.Value!;
            if (path.StartsWith("/loop", StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = "/loop";
            }
            else if (path != "/c")
            {
                context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                context.Response.Headers.Location = path == "/a" ? "/b" : "/c";
            }

            return Task.CompletedTask;
        });
        using var probe = Probe(allowLoopback: true);

        var followed = await probe.ProbeAsync(site.Url("/a"), TestContext.Current.CancellationToken);
        var looping = await probe.ProbeAsync(site.Url("/loop"), TestContext.Current.CancellationToken);

        Assert.Equal(new ProbeResult(200, site.Url("/c")), followed);
        Assert.Equal(new ProbeResult(null, null, ProbeFailure.TooManyRedirects), looping);
        Assert.Equal(new LocationCheckOptions().MaxRedirects + 1, site.Requests.Count(r => r == "HEAD /loop"));
        Assert.DoesNotContain(site.Requests, r => r.StartsWith("GET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_html_page_is_read_only_a_few_kilobytes_when_head_is_refused()
    {
        await using var site = new RawHttpSite("text/html; charset=utf-8", LargeBody);
        using var probe = Probe(allowLoopback: true);
        var clock = Stopwatch.StartNew();

        var result = await probe.ProbeAsync(site.Url("/page"), TestContext.Current.CancellationToken);

        Assert.Equal(new ProbeResult(200, site.Url("/page")), result);
        Assert.Equal(["HEAD /page", "GET /page"], site.Requests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        await WaitForWriterAsync(() => site.BytesWritten);
        Assert.True(site.BytesWritten < LargeBody / 4, $"the server got {site.BytesWritten} bytes out");
    }

    [Fact]
    public async Task An_image_is_never_fetched_when_head_answers()
    {
        await using var site = await TestSite.StartAsync((context, _) =>
        {
            context.Response.ContentType = "image/jpeg";
            return context.Response.Body.WriteAsync(new byte[256 * 1024], context.RequestAborted).AsTask();
        });
        using var probe = Probe(allowLoopback: true);

        var result = await probe.ProbeAsync(site.Url("/photo.jpg"), TestContext.Current.CancellationToken);

        Assert.Equal(new ProbeResult(200, site.Url("/photo.jpg")), result);
        Assert.Equal(["HEAD /photo.jpg"], site.Requests);
    }

    [Fact]
    public async Task An_image_is_not_fetched_when_head_is_refused_for_it()
    {
        await using var site = await TestSite.StartAsync((context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.ContentType = "image/png";
            return Task.CompletedTask;
        });
        using var probe = Probe(allowLoopback: true);

        var result = await probe.ProbeAsync(site.Url("/photo.png"), TestContext.Current.CancellationToken);

        Assert.Equal(405, result.StatusCode);
        Assert.Equal(["HEAD /photo.png"], site.Requests);
    }

    [Fact]
    public async Task An_image_answer_to_the_fallback_get_is_never_read()
    {
        await using var site = new RawHttpSite("image/jpeg", LargeBody);
        using var probe = Probe(allowLoopback: true);

        var result = await probe.ProbeAsync(site.Url("/media/1"), TestContext.Current.CancellationToken);

        Assert.Equal(new ProbeResult(200, site.Url("/media/1")), result);
        Assert.Equal(["HEAD /media/1", "GET /media/1"], site.Requests);
        await WaitForWriterAsync(() => site.BytesWritten);
        Assert.True(site.BytesWritten < LargeBody / 4, $"the server got {site.BytesWritten} bytes out");
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out()
    {
        await using var site = await TestSite.StartAsync((context, _) => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        using var probe = Probe(allowLoopback: true, timeout: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        var result = await probe.ProbeAsync(site.Url("/slow"), TestContext.Current.CancellationToken);

        Assert.Equal(new ProbeResult(null, null, ProbeFailure.TimedOut), result);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_page_that_trickles_its_body_times_out_instead_of_holding_the_check()
    {
        await using var site = await TestSite.StartAsync(async (context, _) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status501NotImplemented;
                return;
            }

            context.Response.ContentType = "text/html";
            for (var i = 0; i < 300 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.WriteAsync("<", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(100, context.RequestAborted);
            }
        });
        using var probe = Probe(allowLoopback: true, timeout: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        var result = await probe.ProbeAsync(site.Url("/trickle"), TestContext.Current.CancellationToken);

        Assert.Equal(ProbeFailure.TimedOut, result.Failure);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Oversized_response_headers_are_refused()
    {
        await using var site = await TestSite.StartAsync((context, _) =>
        {
            context.Response.Headers["X-Padding"] = new string('a', 100_000);
            return Task.CompletedTask;
        });
        using var probe = Probe(allowLoopback: true);

        var result = await probe.ProbeAsync(site.Url("/big-headers"), TestContext.Current.CancellationToken);

        Assert.Equal(new ProbeResult(null, null, ProbeFailure.Unreachable), result);
    }

    [Fact]
    public async Task Requests_to_one_host_are_paced_and_other_hosts_are_not_held_up()
    {
        var time = new FakeTimeProvider(TestApp.Start);
        var pacer = new HostPacer(time);
        var interval = TimeSpan.FromSeconds(2);

        await pacer.WaitTurnAsync("example.org", interval, TestContext.Current.CancellationToken);
        var second = pacer.WaitTurnAsync("example.org", interval, TestContext.Current.CancellationToken);
        await pacer.WaitTurnAsync("example.net", interval, TestContext.Current.CancellationToken);

        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    private static LocationProbe Probe(bool allowLoopback, TimeSpan? timeout = null) =>
        new(Options(allowLoopback, timeout), new HostPacer(TimeProvider.System), TimeProvider.System, NullLogger<LocationProbe>.Instance);

    private static IOptions<LocationCheckOptions> Options(bool allowLoopback, TimeSpan? timeout = null) =>
        Microsoft.Extensions.Options.Options.Create(new LocationCheckOptions
        {
            AllowLoopbackForTests = allowLoopback,
            Timeout = timeout ?? TimeSpan.FromSeconds(5),
            PerHostInterval = TimeSpan.Zero,
        });

    /// <summary>The server's writer stops once the client has closed; give it a moment to notice.</summary>
    private static async Task WaitForWriterAsync(Func<long> bytesWritten)
    {
        var last = -1L;
        while (bytesWritten() != last)
        {
            last = bytesWritten();
            await Task.Delay(300, TestContext.Current.CancellationToken);
        }
    }
}
