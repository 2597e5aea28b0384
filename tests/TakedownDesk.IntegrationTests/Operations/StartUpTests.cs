using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using TakedownDesk.IntegrationTests.Documents;

namespace TakedownDesk.IntegrationTests.Operations;

/// <summary>The published app, started from a folder that is not its own, still finds its appsettings.json and wwwroot.</summary>
public sealed class StartUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_published_app_started_from_another_folder_serves_its_css_without_sign_in_and_reads_its_appsettings()
    {
        var temp = Directory.CreateTempSubdirectory("takedowndesk-startup-").FullName;
        try
        {
            var published = Path.Combine(temp, "app");
            await PublishAsync(published);

            // A setting given only in the app's own appsettings.json: /metrics is mapped only when that file is read.
            var appsettings = Path.Combine(published, "appsettings.json");
            var json = JsonNode.Parse(await File.ReadAllTextAsync(appsettings, Ct))!;
            json["Observability"] = new JsonObject { ["PrometheusEndpoint"] = true };
            await File.WriteAllTextAsync(appsettings, json.ToJsonString(), Ct);

            var elsewhere = Directory.CreateDirectory(Path.Combine(temp, "elsewhere")).FullName;
            var port = HostProcess.FreePort();
            using var host = HostProcess.StartIn(published, elsewhere, HostProcess.Settings(Path.Combine(temp, "data"), port));
            try
            {
                await HostProcess.WaitUntilLiveAsync(host, port, TimeSpan.FromSeconds(90));
                using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
                {
                    BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                };

                var css = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.OK, css.StatusCode);
                Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
                Assert.Contains("body", await css.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

                var metrics = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);

                var signIn = await client.GetAsync(new Uri("/Account/SignIn", UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
                Assert.Contains("/css/site.css", await signIn.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            }
            finally
            {
                await HostProcess.KillAsync(host);
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Publishes the already built web project (same configuration as these tests), as an operator would deploy it.</summary>
    private static async Task PublishAsync(string output)
    {
        var configuration = typeof(StartUpTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var project = Path.Combine(RepositoryFolders.Root, "src", "TakedownDesk.Web", "TakedownDesk.Web.csproj");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", configuration, "--no-build", "--no-restore", "-o", output, "-p:UseAppHost=false", "-nodeReuse:false"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var stdout = publish.StandardOutput.ReadToEndAsync(Ct);
        var stderr = publish.StandardError.ReadToEndAsync(Ct);
        await publish.WaitForExitAsync(Ct);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed: {await stdout}{await stderr}");
    }
}
