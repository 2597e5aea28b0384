using System.Text.RegularExpressions;
using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Platforms.Rules;

public sealed partial class PlatformSlugMustBeKebabCase(string slug) : IBusinessRule
{
    public bool IsBroken() => slug is null || !KebabCase().IsMatch(slug);

    public string Message => "A platform's slug must be lower-case words joined by hyphens (e.g. \"hugging-face\").";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}

public sealed class PlatformNeedsAName(string name) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(name);

    public string Message => "A platform needs a name.";
}

public sealed class PlatformDomainsMustBeHostNames(IReadOnlyList<string?> normalizedDomains) : IBusinessRule
{
    public bool IsBroken() => normalizedDomains.Any(d => d is null || !d.Contains('.', StringComparison.Ordinal));

    public string Message => "Each platform domain must be a host name such as \"example.com\".";
}

public sealed class ExcludedPlatformNeedsAReason(Coverage coverage, string? note) : IBusinessRule
{
    public bool IsBroken() => coverage == Coverage.Excluded && string.IsNullOrWhiteSpace(note);

    public string Message => "A platform excluded from the Act needs the reason for the exclusion.";
}

public sealed class EscalationPathStartsAtTheDesignatedChannel(IReadOnlyList<EscalationContact> path) : IBusinessRule
{
    public bool IsBroken() => path.Count > 0 && path[0].Role != EscalationContactRole.DesignatedChannel;

    public string Message => "An escalation path starts with a follow-up through the platform's designated channel.";
}

public sealed class EscalationWaitsCannotBeNegative(IReadOnlyList<EscalationContact> path) : IBusinessRule
{
    public bool IsBroken() => path.Any(c => c.WaitHours < 0);

    public string Message => "An escalation level's wait cannot be negative.";
}

/// <summary>The reply patterns run against every e-mail the platform sends: one that is no regular expression would read nothing.</summary>
public sealed class ReplyPatternsMustBeRegularExpressions(Correspondence.ReplyPatterns? patterns) : IBusinessRule
{
    public bool IsBroken() => patterns is not null && !patterns.AreValid();

    public string Message => "Each reply pattern must be a valid regular expression.";
}
