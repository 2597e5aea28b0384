using TakedownDesk.Application.Documents;

namespace TakedownDesk.Infrastructure.Documents;

/// <summary>One source, three outputs: Liquid to HTML (preview, e-mail), HTML to plain text, HTML to PDF.</summary>
public sealed class LiquidDocumentRenderer(LiquidTemplateEngine engine, ChromiumPdfRenderer printer) : IDocumentRenderer
{
    public async Task<RenderedDocument> RenderAsync(DocumentRequest request, CancellationToken cancellationToken = default)
    {
        var template = DocumentTemplates.Find(request.TemplateName)
            ?? throw new TemplateRenderException(request.TemplateName, "Not a known document template; see DocumentTemplates.");

        // Only the catalogued model type may reach a template: the type list is the whitelist.
        if (request.Model.GetType() != template.ModelType)
        {
            throw new TemplateRenderException(
                request.TemplateName,
                $"Expects a {template.ModelType.Name} model, got {request.Model.GetType().Name}.");
        }

        var file = engine.ResolveFile(request.TemplateName, request.PlatformSlug, request.Language);
        var html = await engine.RenderAsync(file, request.Model, cancellationToken);
        return new RenderedDocument(request.TemplateName, file, engine.Sha256Of(file), html, HtmlToPlainText.Convert(html));
    }

    public async Task<byte[]> RenderPdfAsync(DocumentRequest request, CancellationToken cancellationToken = default) =>
        await PrintAsync(await RenderAsync(request, cancellationToken), cancellationToken);

    public Task<byte[]> PrintAsync(RenderedDocument document, CancellationToken cancellationToken = default) =>
        printer.PrintAsync(document.Html, cancellationToken);
}
