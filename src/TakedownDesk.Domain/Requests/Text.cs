namespace TakedownDesk.Domain.Requests;

internal static class Text
{
    /// <summary>Blank is absent: a whitespace-only field must not satisfy a required element.</summary>
    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
