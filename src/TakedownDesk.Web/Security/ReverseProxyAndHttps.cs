using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TakedownDesk.Web.Security;

/// <summary>Configuration section "Security": how the desk is reached.</summary>
public sealed class DeploymentOptions
{
    public const string Section = "Security";

    /// <summary>
    /// The desk is reached over HTTPS only (directly or through a proxy): its cookies are then named <c>__Host-…</c> and
    /// always Secure, so that no other site or plain-HTTP page can set or read them.
    /// </summary>
    public bool ServedOverHttps { get; set; }

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed; nobody else's are.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/8) of such proxies.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool BehindProxy => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}

/// <summary>
/// Forwarded headers from configured proxies only (the client address then feeds the rate limiter and the sign-in
/// log); the host name is never taken from them. <c>__Host-</c> cookies when served over HTTPS.
/// </summary>
public static class ReverseProxyAndHttps
{
    private const string HostPrefix = "__Host-";

    public static IServiceCollection AddReverseProxyAndHttps(this IServiceCollection services)
    {
        services.AddOptions<DeploymentOptions>().BindConfiguration(DeploymentOptions.Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "Security:KnownProxies: each entry must be an IP address.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Security:KnownNetworks: each entry must be a network in CIDR form.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<DeploymentOptions>>((forwarded, deployment) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = 1;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in deployment.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in deployment.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme, PasskeySecondFactor.Scheme })
        {
            services.AddOptions<CookieAuthenticationOptions>(scheme).Configure<IOptions<DeploymentOptions>>((cookie, deployment) => Secure(cookie.Cookie, deployment.Value));
        }

        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<DeploymentOptions>>((antiforgery, deployment) => Secure(antiforgery.Cookie, deployment.Value));
        return services;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address and scheme.</summary>
    public static IApplicationBuilder UseReverseProxyAndHttps(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<DeploymentOptions>>().Value.BehindProxy ? app.UseForwardedHeaders() : app;

    private static void Secure(CookieBuilder cookie, DeploymentOptions deployment)
    {
        if (!deployment.ServedOverHttps || cookie.Name is null || cookie.Name.StartsWith(HostPrefix, StringComparison.Ordinal))
        {
            return;
        }

        cookie.Name = HostPrefix + cookie.Name;
        cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.Path = "/";
        cookie.Domain = null;
    }
}
