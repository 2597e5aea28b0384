using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TakedownDesk.IntegrationTests.LocationChecks;

/// <summary>A real web server (Kestrel) on 127.0.0.1 standing in for a platform: it records each request and answers as the test says.</summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestSite(WebApplication app, Uri root)
    {
        this.app = app;
        Root = root;
    }

    public Uri Root { get; }

    public int Port => Root.Port;

    /// <summary>Method and path of every request received, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<TestSite> StartAsync(Func<HttpContext, TestSite, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        TestSite? site = null;
        app.Run(async context =>
        {
            site!.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            await handler(context, site);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        site = new TestSite(app, new Uri(address));
        return site;
    }

    public string Url(string path) => new Uri(Root, path).AbsoluteUri;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
