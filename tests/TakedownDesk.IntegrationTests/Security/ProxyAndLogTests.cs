using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TakedownDesk.Application.Common;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>Issue #14: forwarded headers from configured proxies only, __Host- cookies, redirects that ignore Host, and what the logs say.</summary>
public sealed class ProxyAndLogTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_in_events_name_the_client_a_configured_proxy_forwards_and_ignore_forwarding_by_anyone_else()
    {
        var logs = new CapturedLogs();
        await using var viaProxy = new WebTestApp([new("Security:KnownProxies:0", Proxy.ToString())], services => Arrive(services, Proxy, logs));
        var user = await viaProxy.CreateUserAsync(StaffRoles.Caseworker);
        await WrongPasswordAsync(viaProxy, user, "203.0.113.7");
        var otherLogs = new CapturedLogs();
        await using var direct = new WebTestApp(configure: services => Arrive(services, IPAddress.Parse("198.51.100.20"), otherLogs));
        var other = await direct.CreateUserAsync(StaffRoles.Caseworker);
        await WrongPasswordAsync(direct, other, "203.0.113.7");

        Assert.Contains(logs.Lines, line => line.Contains($"for staff user {user.Id} from 203.0.113.7", StringComparison.Ordinal));
        Assert.Contains(otherLogs.Lines, line => line.Contains($"for staff user {other.Id} from 198.51.100.20", StringComparison.Ordinal));
        Assert.DoesNotContain(otherLogs.Lines, line => line.Contains("203.0.113.7", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines.Concat(otherLogs.Lines), line => line.Contains(user.Email, StringComparison.OrdinalIgnoreCase) || line.Contains("wrong password here", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Framework_request_lines_never_carry_the_query_string_even_at_trace_level()
    {
        var logs = new CapturedLogs();
        await using var app = new WebTestApp(
            [new("Logging:LogLevel:Default", "Trace"), new("Logging:LogLevel:Microsoft.AspNetCore", "Trace")],
            services => services.AddSingleton<ILoggerProvider>(logs));

        await app.BrowserClient().GetAsync("/Account/SignIn?ReturnUrl=%2FCases%3Fq%3Dquery-marker-7f3a", Ct);

        Assert.Contains(logs.Lines, line => line.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("query-marker-7f3a", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Served_over_https_the_cookies_are_host_only_and_secure_and_redirects_ignore_a_forged_host()
    {
        await using var app = new WebTestApp([new("Security:ServedOverHttps", "true")]);
        var user = await app.CreateUserAsync(StaffRoles.Caseworker);
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });

        var form = await browser.GetAsync("/Account/SignIn", Ct);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/Cases");
        forged.Headers.Host = "attacker.example";
        var redirect = await browser.SendAsync(forged, Ct);

        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.Contains("antiforgery", StringComparison.Ordinal));
        Assert.StartsWith("__Host-td.antiforgery=", antiforgery, StringComparison.Ordinal);
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/Account/SignIn", redirect.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var session = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        await app.SignInAsync(session, user);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/cases", Ct)).StatusCode);
    }

    private static async Task WrongPasswordAsync(WebTestApp app, TestUser user, string forwardedFor)
    {
        var client = app.BrowserClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        var refused = await WebTestApp.SubmitPasswordAsync(client, user.Email, "wrong password here");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
    }

    /// <summary>The test server has no TCP connection: this gives every request the address it would arrive from.</summary>
    private static void Arrive(IServiceCollection services, IPAddress from, CapturedLogs logs)
    {
        services.AddSingleton<ILoggerProvider>(logs);
        services.AddSingleton<IStartupFilter>(new ArriveFrom(from));
    }

    private sealed class ArriveFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}
