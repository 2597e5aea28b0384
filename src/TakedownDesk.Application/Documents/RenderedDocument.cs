namespace TakedownDesk.Application.Documents;

/// <summary>One rendering of a template: the HTML and the plain-text alternative made from it.</summary>
/// <remarks>
/// TemplateName: The name that was asked for.<br/>
/// TemplateFile: The file that won the variant lookup, relative to the templates root.<br/>
/// TemplateSha256: SHA-256 of that file's text.<br/>
/// </remarks>
public sealed record RenderedDocument(string TemplateName, string TemplateFile, string TemplateSha256, string Html, string PlainText);
