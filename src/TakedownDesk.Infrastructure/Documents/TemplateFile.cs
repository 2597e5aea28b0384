namespace TakedownDesk.Infrastructure.Documents;

/// <summary>A document template file and the lookup keys it answers: e.g. platforms/discord/notices/removal-request.es.liquid.</summary>
public sealed record TemplateFile(string RelativePath, string TemplateName, string? PlatformSlug, string? Language);
