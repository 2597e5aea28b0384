namespace TakedownDesk.Application.Documents;

/// <summary>Turns a named template and its model into the HTML, plain text and PDF sent or shown to people.</summary>
public interface IDocumentRenderer
{
    /// <summary>Renders HTML (preview, e-mail body) and its plain-text alternative.</summary>
    /// <exception cref="TemplateRenderException">The template is missing, broken or reads outside its model.</exception>
    Task<RenderedDocument> RenderAsync(DocumentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Renders the same HTML and prints it to PDF.</summary>
    /// <exception cref="TemplateRenderException">The template is missing, broken or reads outside its model.</exception>
    /// <exception cref="DocumentPrintException">The PDF could not be printed in time.</exception>
    Task<byte[]> RenderPdfAsync(DocumentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Prints HTML that was already rendered, so that the stored PDF is exactly the previewed document.</summary>
    /// <exception cref="DocumentPrintException">The PDF could not be printed in time.</exception>
    Task<byte[]> PrintAsync(RenderedDocument document, CancellationToken cancellationToken = default);
}
