using System.Text.RegularExpressions;

namespace TakedownDesk.Domain.Correspondence;

/// <summary>
/// How one platform words its replies, kept in the platform directory (<see cref="Default"/> when it has none). Each is a
/// regular expression matched case-insensitively against the subject and text; <see cref="RequestNumber"/> captures the
/// platform's own request number in a group named "number" (or its first group).
/// </summary>
public sealed partial record ReplyPatterns(string RequestNumber, string Acknowledgment, string Removed, string Refused, string MoreInformation)
{
    /// <summary>Staff-edited patterns run against mail from outside: each match is bounded so a pathological pattern cannot stall the reader.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>The wording most platforms' help desks use (English).</summary>
    public static readonly ReplyPatterns Default = new(
        RequestNumber: @"\b(?:request|case|ticket|report|reference)\s*(?:number|no\.?|id|#)?\s*[:#]?\s*(?<number>(?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]{3,39})\b",
        Acknowledgment: @"\b(?:we (?:have )?received|has been received|acknowledge|thank you for (?:your )?(?:report|request|contacting))",
        Removed: @"\b(?:has|have) been (?:removed|taken down|disabled)|\bwe (?:have )?removed\b|no longer (?:available|accessible)",
        Refused: @"\b(?:will not|won't|cannot|can't|unable to|decided not to) (?:remove|take (?:it )?down|take action)|does not (?:violate|meet)|(?:has|have) not been removed|\bdeclined?\b",
        MoreInformation: @"\b(?:need|require|requires) (?:more|additional|further) information|\bplease (?:provide|send|reply with)\b|\bcould you (?:provide|send)\b");

    /// <summary>What the reply seems to mean: a refusal outranks a removal ("has not been removed"), both outrank a request for more, all outrank a plain receipt.</summary>
    public ReplySuggestion Suggest(string subject, string text)
    {
        var all = subject + "\n" + text;
        var number = FindRequestNumber(all);
        var meaning = Matches(Refused, all) ? ReplyMeaning.Refused
            : Matches(Removed, all) ? ReplyMeaning.Removed
            : Matches(MoreInformation, all) ? ReplyMeaning.MoreInformationAsked
            : Matches(Acknowledgment, all) || number is not null ? ReplyMeaning.Acknowledgment
            : ReplyMeaning.Unclear;
        return new ReplySuggestion(meaning, number);
    }

    /// <summary>The platform's own request number in the text, if its pattern finds one; the desk's own references quoted back are not it.</summary>
    public string? FindRequestNumber(string text)
    {
        for (var match = Match(RequestNumber, text); match is { Success: true }; match = NextMatch(match))
        {
            var group = match.Groups["number"].Success ? match.Groups["number"] : match.Groups.Count > 1 ? match.Groups[1] : match.Groups[0];
            var value = group.Value.Trim();
            if (value.Length is > 0 and <= 200 && !DeskReference().IsMatch(value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>A request reference as the desk writes it in every subject: TD-2026-00042-R1.</summary>
    [GeneratedRegex(@"\bTD-\d{4}-\d{5}-R\d{1,4}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex DeskReference();

    /// <summary>Whether each pattern is a regular expression at all (checked when staff save the platform).</summary>
    public bool AreValid() => new[] { RequestNumber, Acknowledgment, Removed, Refused, MoreInformation }.All(IsValid);

    private static Match? NextMatch(Match match)
    {
        try
        {
            return match.NextMatch();
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static bool Matches(string pattern, string text) => Match(pattern, text) is { Success: true };

    private static Match? Match(string pattern, string text)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return null;
        }

        try
        {
            return Regex.Match(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsValid(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return true;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, MatchTimeout);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
