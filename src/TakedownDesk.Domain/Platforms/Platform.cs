using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Correspondence;
using TakedownDesk.Domain.Platforms.Rules;

namespace TakedownDesk.Domain.Platforms;

/// <summary>
/// A directory entry: a platform (or a service such as StopNCII or the FTC) and how to reach it. Entries
/// change as platforms change their pages, so each carries when it was last checked and whether it was verified.
/// </summary>
public sealed class Platform : AggregateRoot
{
    private Platform()
    {
        Slug = string.Empty;
        Name = string.Empty;
        Domains = [];
        Channels = [];
        AsksFor = [];
        Warnings = [];
        EscalationPath = [];
    }

    public Platform(string slug, PlatformProfile profile, Verification verification, DateOnly? lastCheckedOn)
        : this()
    {
        CheckRule(new PlatformSlugMustBeKebabCase(slug));
        Id = Guid.NewGuid();
        Slug = slug;
        Apply(profile);
        Verification = verification;
        LastCheckedOn = lastCheckedOn;
    }

    public string Slug { get; private set; }

    public string Name { get; private set; }

    public PlatformKind Kind { get; private set; }

    public List<string> Domains { get; private set; }

    public Coverage Coverage { get; private set; }

    public string? CoverageNote { get; private set; }

    public List<RemovalChannel> Channels { get; private set; }

    public List<string> AsksFor { get; private set; }

    public string? Receipt { get; private set; }

    /// <summary>What staff must know before using the channel (e.g. the reporter's details are forwarded to a public archive).</summary>
    public List<string> Warnings { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>The platform's own rule on models of real people or synthetic intimate imagery, quoted with its source; offered in a model report.</summary>
    public string? PolicyClause { get; private set; }

    public string? Source { get; private set; }

    public Verification Verification { get; private set; }

    /// <summary>Who is contacted, in order, when the platform misses a deadline; the first level is its designated channel.</summary>
    public List<EscalationContact> EscalationPath { get; private set; }

    public DateOnly? LastCheckedOn { get; private set; }

    /// <summary>How the platform words its e-mail replies; null: the default wording.</summary>
    public ReplyPatterns? ReplyPatterns { get; private set; }

    /// <summary>The patterns the desk reads this platform's replies with.</summary>
    public ReplyPatterns ReplyReading => ReplyPatterns ?? ReplyPatterns.Default;

    /// <summary>The platform's designated Take It Down Act processes (X has both an in-app report and a web form).</summary>
    public IReadOnlyList<RemovalChannel> DesignatedChannels => Channels.FindAll(c => c.DesignatedForTakeItDown);

    public PlatformProfile Profile =>
        new(Name, Kind, Domains, Coverage, CoverageNote, Channels, AsksFor, Receipt, Notes, Source, EscalationPath, ReplyPatterns, Warnings, PolicyClause);

    /// <summary>The escalation levels in force: the path as entered, or a follow-up through the designated channel when there is none.</summary>
    public IReadOnlyList<EscalationContact> EscalationLevels =>
        EscalationPath.Count > 0 ? EscalationPath
        : DesignatedChannels.Count > 0 ? [EscalationContact.FromDesignated(DesignatedChannels[^1], Verification == Verification.Verified)]
        : [];

    /// <summary>The level after <paramref name="level"/>, if the path has one.</summary>
    public EscalationContact? EscalationLevel(int level) =>
        level >= 0 && level < EscalationLevels.Count ? EscalationLevels[level] : null;

    /// <summary>An edit by staff: what they changed has not been checked against the platform's page.</summary>
    public void Edit(PlatformProfile profile)
    {
        Apply(profile);
        Verification = Verification.Unverified;
    }

    public void MarkVerified(DateOnly checkedOn, string? source)
    {
        Verification = Verification.Verified;
        LastCheckedOn = checkedOn;
        if (!string.IsNullOrWhiteSpace(source))
        {
            Source = source.Trim();
        }
    }

    /// <summary>An import replaces the entry with what the file says, including its verification.</summary>
    public void Import(PlatformProfile profile, Verification verification, DateOnly? lastCheckedOn)
    {
        Apply(profile);
        Verification = verification;
        LastCheckedOn = lastCheckedOn;
    }

    private void Apply(PlatformProfile profile)
    {
        CheckRule(new PlatformNeedsAName(profile.Name));
        var domains = profile.Domains.Select(DomainName.Normalize).ToList();
        CheckRule(new PlatformDomainsMustBeHostNames(domains));
        CheckRule(new ExcludedPlatformNeedsAReason(profile.Coverage, profile.CoverageNote));
        var path = profile.EscalationPath ?? [];
        CheckRule(new EscalationPathStartsAtTheDesignatedChannel(path));
        CheckRule(new EscalationWaitsCannotBeNegative(path));
        CheckRule(new ReplyPatternsMustBeRegularExpressions(profile.ReplyPatterns));

        Name = profile.Name.Trim();
        Kind = profile.Kind;
        Domains = domains.OfType<string>().Distinct().ToList();
        Coverage = profile.Coverage;
        CoverageNote = Blank(profile.CoverageNote);
        Channels = [.. profile.Channels];
        AsksFor = profile.AsksFor.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
        Receipt = Blank(profile.Receipt);
        Warnings = (profile.Warnings ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).ToList();
        Notes = Blank(profile.Notes);
        PolicyClause = Blank(profile.PolicyClause);
        Source = Blank(profile.Source);
        ReplyPatterns = profile.ReplyPatterns;
        EscalationPath = path.Select(c => c with { Target = Blank(c.Target), Instructions = c.Instructions?.Trim() ?? string.Empty }).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
