using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Operations;

/// <summary>Liveness and readiness through the real host: anonymous, status names only.</summary>
public sealed class HealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Live_and_ready_answer_anonymously_with_status_names_only()
    {
        await using var app = new WebTestApp();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var path in new[] { "/health", "/health/live" })
        {
            var live = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("Healthy", await live.Content.ReadAsStringAsync(Ct));
        }

        var ready = await client.GetAsync("/health/ready", Ct);
        var body = await ready.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = Parse(body);
        Assert.Equal("Healthy", report.Status);
        Assert.Equal(["chromium", "database", "smtp"], report.Checks.Keys.Order(StringComparer.Ordinal));
        Assert.All(report.Checks.Values, status => Assert.Equal("Healthy", status));
    }

    [Fact]
    public async Task Ready_is_503_when_the_smtp_relay_is_unreachable_or_chromium_is_missing_and_tells_no_names()
    {
        int closedPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        const string missingChromium = "/nonexistent/secret-path/chromium";
        await using var app = new WebTestApp();
        await using var broken = app.WithWebHostBuilder(builder => builder
            .UseSetting("Email:Host", "127.0.0.1")
            .UseSetting("Email:Port", closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Documents:ChromiumPath", missingChromium));
        var client = broken.CreateClient(new() { AllowAutoRedirect = false });

        var ready = await client.GetAsync("/health/ready", Ct);
        var body = await ready.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var report = Parse(body);
        Assert.Equal("Unhealthy", report.Status);
        Assert.Equal("Healthy", report.Checks["database"]);
        Assert.Equal("Unhealthy", report.Checks["smtp"]);
        Assert.Equal("Unhealthy", report.Checks["chromium"]);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-path", body, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", body, StringComparison.OrdinalIgnoreCase);

        // Liveness does not depend on what readiness checks.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
    }

    private static (string Status, Dictionary<string, string> Checks) Parse(string body)
    {
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        return (json.RootElement.GetProperty("status").GetString()!, checks);
    }
}
