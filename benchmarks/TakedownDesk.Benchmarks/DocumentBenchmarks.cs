using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PuppeteerSharp;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Documents.Models;
using TakedownDesk.Infrastructure.Documents;

namespace TakedownDesk.Benchmarks;

/// <summary>
/// Sec. 3 requests per second with a warm browser (Fluid + a fresh Chromium page + PDF), against the ceiling:
/// PdfDataAsync on one page already holding the same static HTML.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: GlobalCleanup disposes.")]
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class DocumentBenchmarks
{
    private ChromiumPdfRenderer _printer = null!;
    private LiquidDocumentRenderer _renderer = null!;
    private DocumentRequest _request = null!;
    private IBrowser _ceilingBrowser = null!;
    private IPage _ceilingPage = null!;
    private ChromiumMemory _memory = null!;
    private string _ceilingProfile = null!;

    // 1 location is the shortest Sec. 3 request (2 Letter pages: the four elements do not fit on one); 255 print 10 pages.
    [Params(1, 255)]
    public int Locations { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var options = Options.Create(new DocumentOptions { TemplatesPath = FindTemplates() });
        _printer = new ChromiumPdfRenderer(options, NullLogger<ChromiumPdfRenderer>.Instance);
        _renderer = new LiquidDocumentRenderer(new LiquidTemplateEngine(options), _printer);
        _request = new DocumentRequest(DocumentTemplates.RemovalRequest, Notice(Locations));

        var html = (await _renderer.RenderAsync(_request)).Html;
        var pdf = await _renderer.RenderPdfAsync(_request);
        Console.WriteLine($"// {Locations} locations: {CountPages(pdf)} pages, {pdf.Length / 1024} KiB");

        _ceilingBrowser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = options.Value.ChromiumPath,
            Headless = true,
            UserDataDir = _ceilingProfile = Directory.CreateTempSubdirectory("takedowndesk-bench-").FullName,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });
        _ceilingPage = await _ceilingBrowser.NewPageAsync();
        await _ceilingPage.SetJavaScriptEnabledAsync(false);
        await _ceilingPage.SetContentAsync(html);
        _memory = new ChromiumMemory(_printer.BrowserProcess!.Id);
    }

    [Benchmark(Description = "Fluid + new page + PDF")]
    public Task<byte[]> RenderRemovalRequestPdf() => _renderer.RenderPdfAsync(_request);

    [Benchmark(Baseline = true, Description = "ceiling: PdfDataAsync, loaded page")]
    public Task<byte[]> PrintLoadedPage() => _ceilingPage.PdfDataAsync(new PdfOptions { DisplayHeaderFooter = true, PrintBackground = true });

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _memory.Dispose();
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{Locations} locations: peak PSS of the renderer's Chromium {_memory.PeakBytes / 1024 / 1024} MiB, peak working set of the benchmark process {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
        Console.WriteLine("// " + line);
        await File.AppendAllTextAsync(Path.Combine(Path.GetTempPath(), "takedowndesk-bench-memory.txt"), line + Environment.NewLine);
        await _ceilingBrowser.CloseAsync();
        Directory.Delete(_ceilingProfile, recursive: true);
        await _printer.DisposeAsync();
    }

    private static int CountPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page\b");

    private static string FindTemplates()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TakedownDesk.sln")))
            {
                return Path.Combine(dir.FullName, "templates");
            }
        }

        throw new InvalidOperationException("TakedownDesk.sln not found above " + AppContext.BaseDirectory);
    }

    private static RemovalNoticeModel Notice(int locations) => new(
        OrganisationName: "Harbor Legal Aid (example)",
        Platform: new PlatformModel("ExampleShare", "NCII removal form at https://exampleshare.example/legal/ncii"),
        RequestReference: "TD-BENCH-1",
        DepictionKind: "digital forgery (AI-generated intimate image)",
        Signature: new SignatureBlockModel("Jordan Avery", SignatureBlockModel.AuthorizedPerson, "written release signed 2026-10-02, valid until 2027-04-02", "2026-11-27"),
        Depictions: [new DepictionModel("Edited photo", Enumerable.Range(1, locations).Select(i => new LocationModel($"https://exampleshare.example/p/{i:D6}", "Posted by @anon123")).ToList())],
        GoodFaithStatement: "I have a good-faith belief that the depictions identified above were published without consent.",
        SupportingFacts: ["The images were generated from public profile photos."],
        RequesterContact: new ContactModel("Jordan Avery", "Harbor Legal Aid (example)", "takedowns@harborlegal.example", "+1 555 0100", "100 Example Street"),
        LegalBasis: "Section 3 of the TAKE IT DOWN Act, Pub. L. 119-12",
        Deadline: new DeadlineModel("2026-11-29 15:30 UTC", "2026-11-29 10:30 EST", "America/New_York"),
        GeneratedAt: "2026-11-27 15:30 UTC",
        Language: "en");
}
