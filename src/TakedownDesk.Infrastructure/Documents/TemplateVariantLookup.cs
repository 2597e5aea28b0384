using TakedownDesk.Application.Documents;

namespace TakedownDesk.Infrastructure.Documents;

/// <summary>
/// The documented order in which variants override a template, most specific first:
/// platforms/{slug}/{name}.{lang}, platforms/{slug}/{name}, {name}.{lang}, {name}
/// (a regional language such as es-mx tries es-mx, then es, at each level).
/// </summary>
public static class TemplateVariantLookup
{
    public const string Extension = ".liquid";

    /// <summary>Candidate files relative to the templates root, in the order they are tried.</summary>
    public static IReadOnlyList<string> Candidates(string templateName, string? platformSlug, string? language)
    {
        var languages = Languages(language);
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(platformSlug))
        {
            var slug = Segment(platformSlug, "platform slug");
            candidates.AddRange(languages.Select(l => $"platforms/{slug}/{templateName}.{l}{Extension}"));
            candidates.Add($"platforms/{slug}/{templateName}{Extension}");
        }

        candidates.AddRange(languages.Select(l => $"{templateName}.{l}{Extension}"));
        candidates.Add(templateName + Extension);
        return candidates;
    }

    private static List<string> Languages(string? language)
    {
        if (string.IsNullOrEmpty(language))
        {
            return [];
        }

        var code = Segment(language.ToLowerInvariant(), "language");
        var dash = code.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? [code, code[..dash]] : [code];
    }

    private static string Segment(string value, string what) =>
        TemplateNameMustStayInsideRootRule.IsSafeSegment(value)
            ? value
            : throw new TemplateRenderException(value, $"The {what} '{value}' is refused: {nameof(TemplateNameMustStayInsideRootRule)} allows only a-z, 0-9, '-' and '_'.");
}
