using System.Text.RegularExpressions;
using TakedownDesk.Application.Documents;

namespace TakedownDesk.Infrastructure.Documents;

/// <summary>
/// A template, partial or layout name is a relative path of lower-case segments (a-z, 0-9, '-', '_', '.')
/// that resolves inside the templates root: no "..", no absolute or drive paths, no backslashes, no hidden segments.
/// </summary>
public static partial class TemplateNameMustStayInsideRootRule
{
    /// <summary>Returns the absolute path of <paramref name="relativePath"/> under <paramref name="root"/>, or refuses it.</summary>
    /// <exception cref="TemplateRenderException">The name breaks the rule.</exception>
    public static string Resolve(string root, string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || !SafeRelativePath().IsMatch(relativePath) || relativePath.Split('/').Any(s => s.StartsWith('.')))
        {
            throw Refused(relativePath);
        }

        var rootWithSeparator = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        var fullPath = Path.GetFullPath(Path.Combine(rootWithSeparator, relativePath));

        // Second line of defence: the regex already excludes "..", this catches anything the OS would resolve differently.
        return fullPath.StartsWith(rootWithSeparator, StringComparison.Ordinal) ? fullPath : throw Refused(relativePath);
    }

    /// <summary>A single path segment such as a platform slug or language code.</summary>
    public static bool IsSafeSegment(string value) => SafeSegment().IsMatch(value);

    private static TemplateRenderException Refused(string name) =>
        new(name, $"Template name '{name}' is refused: {nameof(TemplateNameMustStayInsideRootRule)} allows only relative lower-case paths inside the templates folder.");

    [GeneratedRegex("^[a-z0-9_][a-z0-9._-]*(/[a-z0-9_][a-z0-9._-]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeRelativePath();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeSegment();
}
