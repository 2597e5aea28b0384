namespace TakedownDesk.Application.Documents;

/// <summary>What to render: a template from <see cref="DocumentTemplates"/>, its model, and the optional variant keys.</summary>
/// <remarks>
/// TemplateName: A name such as <c>notices/removal-request</c>.<br/>
/// Model: An instance of the model type the catalogue lists for the template.<br/>
/// PlatformSlug: Selects <c>platforms/{slug}/…</c> variants when present.<br/>
/// Language: Selects <c>….{language}.liquid</c> variants when present, e.g. <c>es</c>.<br/>
/// </remarks>
public sealed record DocumentRequest(string TemplateName, object Model, string? PlatformSlug = null, string? Language = null);
