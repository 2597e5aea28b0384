using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuppeteerSharp;
using PuppeteerSharp.Media;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents;

namespace TakedownDesk.Infrastructure.Documents;

/// <summary>
/// Prints HTML to PDF in the system's headless Chromium: one browser per process, started on first use and
/// restarted if it died; a fresh page per document with JavaScript off and every network request aborted.
/// </summary>
public sealed partial class ChromiumPdfRenderer : IAsyncDisposable
{
    // Flags known to work on these machines (docs/decisions/0003): no sandbox as root in containers, no GPU, no background traffic.
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions", "--mute-audio",
    ];

    private const string FooterTemplate =
        """<div style="font-size:8px;font-family:'DejaVu Sans',sans-serif;width:100%;margin:0 16mm;display:flex;justify-content:space-between;color:#444"><span class="title"></span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>""";

    private static readonly TimeSpan BrowserStartTimeout = TimeSpan.FromSeconds(30);

    private readonly DocumentOptions _options;
    private readonly ILogger<ChromiumPdfRenderer> _logger;
    private readonly SemaphoreSlim _browserLock = new(1, 1);
    private readonly SemaphoreSlim _printSlots;
    private IBrowser? _browser;
    private string? _userDataDir;
    private bool _disposed;

    public ChromiumPdfRenderer(IOptions<DocumentOptions> options, ILogger<ChromiumPdfRenderer> logger)
    {
        _options = options.Value;
        _logger = logger;
        _printSlots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentPrints));
    }

    /// <summary>The running browser's process, for health checks and memory figures; null before the first print.</summary>
    public System.Diagnostics.Process? BrowserProcess => _browser?.Process;

    /// <summary>Prints <paramref name="html"/>; nothing outside the HTML string is ever loaded.</summary>
    /// <exception cref="DocumentPrintException">Chromium failed, or the document took longer than the render timeout.</exception>
    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RenderTimeout);

        var slotTaken = false;
        IPage? page = null;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await _printSlots.WaitAsync(timeout.Token);
            slotTaken = true;
            var browser = await GetRunningBrowserAsync(timeout.Token);
            // Awaited in full so the page is always known here and closed below, even when the clock has run out.
            page = await browser.NewPageAsync();
            await page.SetJavaScriptEnabledAsync(false).WaitAsync(timeout.Token);
            await page.SetRequestInterceptionAsync(true).WaitAsync(timeout.Token);
            page.Request += AbortEveryRequestButTheDocument;

            var timeoutMs = (int)_options.RenderTimeout.TotalMilliseconds;
            await page.SetContentAsync(html, new SetContentOptions { Timeout = timeoutMs, WaitUntil = [WaitUntilNavigation.Load], CancellationToken = timeout.Token })
                .WaitAsync(timeout.Token);
            var pdf = await page.PdfDataAsync(PdfOptionsFor(timeoutMs)).WaitAsync(timeout.Token);
            var elapsedMs = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            TakedownDeskMetrics.PdfRenderTime.Record(elapsedMs);
            LogPdfRendered(elapsedMs, pdf.Length);
            return pdf;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DocumentPrintException($"Printing took longer than {_options.RenderTimeout.TotalSeconds:0.#} s.", e);
        }
        catch (Exception e) when (e is PuppeteerException or TimeoutException)
        {
            // A TimeoutException is Puppeteer's own wait for a new page's target, when the browser died while opening it.
            throw new DocumentPrintException($"Chromium failed to print: {e.Message}", e);
        }
        catch (Exception e) when (e is NullReferenceException or ObjectDisposedException or InvalidOperationException && !IsBrowserAlive())
        {
            // PuppeteerSharp surfaces a browser that died mid-call this way (e.g. SetContentAsync on a closed frame).
            throw new DocumentPrintException("Chromium stopped while printing; the next print starts a new browser.", e);
        }
        finally
        {
            if (page is not null)
            {
                await CloseQuietlyAsync(page);
            }

            if (slotTaken)
            {
                _printSlots.Release();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _browserLock.WaitAsync();
        try
        {
            await StopBrowserAsync();
        }
        finally
        {
            _browserLock.Release();
            _browserLock.Dispose();
            _printSlots.Dispose();
        }
    }

    private async Task<IBrowser> GetRunningBrowserAsync(CancellationToken cancellationToken)
    {
        await _browserLock.WaitAsync(cancellationToken);
        try
        {
            if (IsBrowserAlive())
            {
                return _browser!;
            }

            if (_browser is not null)
            {
                LogChromiumRestarted();
                await StopBrowserAsync();
            }

            // A fresh profile per browser: nothing cached or remembered from an earlier document or crash.
            _userDataDir = Directory.CreateTempSubdirectory("takedowndesk-chromium-").FullName;
            WriteProfilePreferences(_userDataDir);
            // Not abandoned on the caller's timeout: a launch left running would leak a browser; Puppeteer's own timeout kills it.
            _browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = _options.ChromiumPath,
                Headless = true,
                UserDataDir = _userDataDir,
                Args = ChromiumArgs,
                Timeout = (int)Math.Max(_options.RenderTimeout.TotalMilliseconds, BrowserStartTimeout.TotalMilliseconds),
            });
            return _browser;
        }
        finally
        {
            _browserLock.Release();
        }
    }

    private bool IsBrowserAlive() => _browser is { IsConnected: true, Process.HasExited: false };

    // Interception aborts requests, but Chromium's predictor would still open sockets to hosts it sees in the HTML: turn it off.
    private static void WriteProfilePreferences(string userDataDir)
    {
        var profile = Directory.CreateDirectory(Path.Combine(userDataDir, "Default")).FullName;
        File.WriteAllText(Path.Combine(profile, "Preferences"), """{"net":{"network_prediction_options":2}}""");
    }

    private async Task StopBrowserAsync()
    {
        if (_browser is not null)
        {
            try
            {
                await _browser.CloseAsync();
            }
            catch (Exception e) when (e is PuppeteerException or IOException or InvalidOperationException)
            {
                LogCloseFailed(e);
            }

            if (_browser.Process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
            }

            _browser.Dispose();
            _browser = null;
        }

        if (_userDataDir is not null)
        {
            try
            {
                Directory.Delete(_userDataDir, recursive: true);
            }
            catch (IOException e)
            {
                LogProfileNotRemoved(e);
            }

            _userDataDir = null;
        }
    }

    private PdfOptions PdfOptionsFor(int timeoutMs) => new()
    {
        Format = string.Equals(_options.PaperFormat, "A4", StringComparison.OrdinalIgnoreCase) ? PaperFormat.A4 : PaperFormat.Letter,
        PrintBackground = true,
        DisplayHeaderFooter = true,

        // An empty header stops Chromium printing its default date and title line.
        HeaderTemplate = "<span></span>",
        FooterTemplate = FooterTemplate,
        MarginOptions = new MarginOptions { Top = "16mm", Bottom = "18mm", Left = "16mm", Right = "16mm" },
        WaitForFonts = false,
        Timeout = timeoutMs,
    };

    private static async void AbortEveryRequestButTheDocument(object? sender, RequestEventArgs e)
    {
        try
        {
            if (e.Request.Url == "about:blank")
            {
                await e.Request.ContinueAsync();
            }
            else
            {
                await e.Request.AbortAsync();
            }
        }
        catch (PuppeteerException)
        {
            // The page closed while the request was pending; there is nothing left to block.
        }
    }

    private async Task CloseQuietlyAsync(IPage page)
    {
        try
        {
            page.Request -= AbortEveryRequestButTheDocument;
            await page.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is PuppeteerException or TimeoutException or ObjectDisposedException)
        {
            LogPageNotClosed(e);
        }
    }

    [LoggerMessage(EventId = LogEvents.PdfRendered, Level = LogLevel.Information, Message = "PDF rendered in {ElapsedMs:F0} ms ({Bytes} bytes)")]
    private partial void LogPdfRendered(double elapsedMs, int bytes);

    [LoggerMessage(EventId = LogEvents.ChromiumRestarted, Level = LogLevel.Warning, Message = "Chromium is no longer running; starting a new browser")]
    private partial void LogChromiumRestarted();

    [LoggerMessage(EventId = LogEvents.ChromiumCleanupFailed, Level = LogLevel.Debug, Message = "Closing a dead Chromium failed; killing what is left")]
    private partial void LogCloseFailed(Exception exception);

    [LoggerMessage(EventId = LogEvents.ChromiumCleanupFailed, Level = LogLevel.Warning, Message = "A Chromium profile folder could not be removed")]
    private partial void LogProfileNotRemoved(Exception exception);

    [LoggerMessage(EventId = LogEvents.ChromiumCleanupFailed, Level = LogLevel.Debug, Message = "A page could not be closed; the browser will be checked before the next print")]
    private partial void LogPageNotClosed(Exception exception);
}
