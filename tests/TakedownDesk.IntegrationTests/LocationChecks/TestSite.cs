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

    /// <summary>Body bytes the server managed to write (the client's socket buffers bound it when the client reads nothing).</summary>
    public long BytesWritten => Interlocked.Read(ref bytesWritten);

    private long bytesWritten;

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

    /// <summary>Writes <paramref name="total"/> bytes of body in 64 KB chunks, counting what got out, until the client goes away.</summary>
    public async Task WriteLargeBodyAsync(HttpContext context, string contentType, long total)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = total;
        var chunk = new byte[64 * 1024];
        try
        {
            // Kestrel may discard writes after the client left without failing them: stop counting at the abort.
            for (long sent = 0; sent < total && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                Interlocked.Add(ref bytesWritten, chunk.Length);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or Microsoft.AspNetCore.Connections.ConnectionResetException)
        {
            // The client closed the connection: exactly what a capped reader does.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
