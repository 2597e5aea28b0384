using System.Text.RegularExpressions;

namespace TakedownDesk.Domain.Platforms;

/// <summary>A channel's instructions as the steps staff follow: one per line, or one per sentence when written as a paragraph.</summary>
public static partial class InstructionSteps
{
    public static IReadOnlyList<string> Of(string? instructions)
    {
        if (string.IsNullOrWhiteSpace(instructions))
        {
            return [];
        }

        var lines = instructions.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var steps = lines.Length > 1 ? lines : SentenceEnd().Split(lines[0]);
        return steps.Select(s => Numbering().Replace(s, string.Empty).Trim()).Where(s => s.Length > 0).ToList();
    }

    /// <summary>"1.", "2)", "-" or "*" typed before a step: the list numbers it already.</summary>
    [GeneratedRegex(@"^\s*(\d+[.)]|[-*•])\s+")]
    private static partial Regex Numbering();

    /// <summary>A full stop, question or exclamation mark followed by a capital or a quote starts a new sentence ("e.g. the" does not).</summary>
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""“])")]
    private static partial Regex SentenceEnd();
}
