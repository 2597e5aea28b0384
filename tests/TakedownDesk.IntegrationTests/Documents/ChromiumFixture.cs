using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TakedownDesk.Infrastructure.Documents;

namespace TakedownDesk.IntegrationTests.Documents;

/// <summary>One real Chromium for every document test: starting it costs more than most renders.</summary>
public sealed class ChromiumFixture : IAsyncDisposable
{
    public ChromiumFixture()
    {
        Printer = new ChromiumPdfRenderer(Options.Create(new DocumentOptions()), NullLogger<ChromiumPdfRenderer>.Instance);
        RealTemplates = CreateRenderer(RepositoryFolders.Templates);
    }

    public ChromiumPdfRenderer Printer { get; }

    /// <summary>The renderer over the repository's templates/ folder.</summary>
    public LiquidDocumentRenderer RealTemplates { get; }

    /// <summary>A renderer over another templates folder that prints through the shared browser.</summary>
    public LiquidDocumentRenderer CreateRenderer(string templatesRoot) =>
        new(new LiquidTemplateEngine(Options.Create(new DocumentOptions { TemplatesPath = templatesRoot })), Printer);

    public ValueTask DisposeAsync() => Printer.DisposeAsync();
}
