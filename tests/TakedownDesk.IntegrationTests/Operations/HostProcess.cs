using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TakedownDesk.IntegrationTests.Operations;

/// <summary>The real host (TakedownDesk.Web.dll, copied next to the tests) in a process of its own, on a SQLite data directory.</summary>
public static class HostProcess
{
    public static Dictionary<string, string?> Settings(string dataDirectory, int port) => new()
    {
        ["TakedownDesk:DataDirectory"] = dataDirectory,
        ["Scheduling:Enabled"] = "false",
        ["LocationChecks:Enabled"] = "false",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public static Process Start(IDictionary<string, string?> settings, params string[] args) =>
        StartIn(AppContext.BaseDirectory, AppContext.BaseDirectory, settings, args);

    /// <summary>The host in <paramref name="appFolder"/>, started from <paramref name="workingDirectory"/> (an operator's shell need not be in the app's folder).</summary>
    public static Process StartIn(string appFolder, string workingDirectory, IDictionary<string, string?> settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appFolder, "TakedownDesk.Web.dll"), .. args])
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task WaitUntilLiveAsync(Process host, int port, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            Assert.False(host.HasExited, "the host exited before answering");
            try
            {
                var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health/live"), TestContext.Current.CancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                // listening but still starting (a loaded machine): ask again until the overall timeout
            }

            Assert.True(DateTime.UtcNow < until, "the host did not answer /health/live in time");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    public static async Task KillAsync(Process host)
    {
        if (!host.HasExited)
        {
            host.Kill(entireProcessTree: true);
        }

        await host.WaitForExitAsync(TestContext.Current.CancellationToken);
    }
}
