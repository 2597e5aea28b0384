using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Documents;
using TakedownDesk.Infrastructure.Documents;

namespace TakedownDesk.IntegrationTests.Documents;

[Collection(ChromiumCollection.Name)]
public sealed class ChromiumRecoveryTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task After_chromium_is_killed_mid_print_the_next_print_starts_a_new_browser_and_succeeds()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = new DocumentRequest(DocumentTemplates.RemovalRequest, RemovalNotices.WithLocations(300));
        await chromium.RealTemplates.RenderPdfAsync(request, ct);
        var killed = chromium.Printer.BrowserProcess!;
        var killedId = killed.Id;

        var inFlight = chromium.RealTemplates.RenderPdfAsync(request, ct);
        killed.Kill(entireProcessTree: true);
        await killed.WaitForExitAsync(ct);

        // The print caught by the kill either finished first or fails as a print error, never hangs or leaks another type.
        var outcome = await Record.ExceptionAsync(() => inFlight);
        Assert.True(outcome is null or DocumentPrintException, $"unexpected {outcome}");

        var pdf = await chromium.RealTemplates.RenderPdfAsync(request, ct);

        Assert.True(PdfText.Pages(pdf).Count > 1);
        Assert.NotEqual(killedId, chromium.Printer.BrowserProcess!.Id);
        Assert.False(chromium.Printer.BrowserProcess.HasExited);
    }

    [Fact]
    public async Task A_print_over_the_timeout_fails_as_a_print_error_and_the_browser_keeps_serving()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new DocumentOptions();
        await using var printer = new ChromiumPdfRenderer(Options.Create(options), NullLogger<ChromiumPdfRenderer>.Instance);
        await printer.PrintAsync("<p>warm</p>", ct);
        var browserId = printer.BrowserProcess!.Id;

        options.RenderTimeout = TimeSpan.FromMilliseconds(1);
        var error = await Assert.ThrowsAsync<DocumentPrintException>(() => printer.PrintAsync("<p>late</p>", ct));
        options.RenderTimeout = TimeSpan.FromSeconds(30);
        var pdf = await printer.PrintAsync("<p>on time</p>", ct);

        Assert.Contains("took longer than", error.Message, StringComparison.Ordinal);
        Assert.Contains("on time", PdfText.Pages(pdf)[0], StringComparison.Ordinal);
        Assert.Equal(browserId, printer.BrowserProcess!.Id);
    }

    [Fact]
    public async Task A_page_that_asks_for_network_resources_prints_without_a_single_connection_made()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var origin = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        var html = $"""
            <html><head><link rel="stylesheet" href="{origin}/a.css"><style>@import url("{origin}/b.css");</style></head>
            <body><p>Offline only</p><img src="{origin}/pixel.png"><iframe src="{origin}/frame"></iframe>
            <script src="{origin}/c.js"></script><script>document.write('script ran')</script></body></html>
            """;

        var pdf = await chromium.Printer.PrintAsync(html, TestContext.Current.CancellationToken);

        var text = PdfText.Pages(pdf)[0];
        Assert.Contains("Offline only", text, StringComparison.Ordinal);
        Assert.DoesNotContain("script ran", text, StringComparison.Ordinal);
        Assert.False(listener.Pending(), "Chromium opened a connection although every request should be aborted");
    }
}
