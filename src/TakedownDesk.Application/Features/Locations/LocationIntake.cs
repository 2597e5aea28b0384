using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Application.Features.Locations;

/// <summary>Turns pasted text into locations on a case: each line normalized, matched to a platform, de-duplicated.</summary>
public static class LocationIntake
{
    public static async Task<PasteResult> AddPastedAsync(
        ITakedownDeskDb db, Case @case, string? pastedUrls, Guid? depictionId, string? depictionLabel, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var pasted = PastedUrls.Parse(pastedUrls);
        var (matcher, names) = await DirectoryAsync(db, cancellationToken);

        var candidates = pasted.Good.Select(g => new CandidateLocation(g.Url, matcher.Match(g.Url.Host))).ToList();
        var outcome = @case.AddLocations(candidates, depictionId, depictionLabel, nowUtc);

        var firstMentions = new HashSet<string>(StringComparer.Ordinal);
        var accepted = pasted.Good.Select(g =>
        {
            var location = outcome.Added.FirstOrDefault(l => l.UrlKey == g.Url.Key)
                           ?? outcome.AlreadyRecorded.First(l => l.UrlKey == g.Url.Key);
            var isNew = outcome.Added.Contains(location) && firstMentions.Add(location.UrlKey);
            return new AcceptedLine(
                g.LineNumber,
                location.Url,
                location.Id,
                location.PlatformId,
                location.PlatformId is { } id ? names[id] : null,
                !isNew);
        }).ToList();
        var rejected = pasted.Bad.Select(b => new RejectedLine(b.LineNumber, b.Text, b.Reason)).ToList();
        return new PasteResult(accepted, rejected);
    }

    /// <summary>One URL the validator has already accepted, matched to its platform.</summary>
    public static async Task<CandidateLocation> CandidateAsync(ITakedownDeskDb db, string url, CancellationToken cancellationToken)
    {
        var normalized = NormalizedUrl.Create(url);
        var (matcher, _) = await DirectoryAsync(db, cancellationToken);
        return new CandidateLocation(normalized, matcher.Match(normalized.Host));
    }

    /// <summary>For validators: whether <paramref name="url"/> is one the desk can record.</summary>
    public static bool IsRecordableUrl(string? url) => NormalizedUrl.TryCreate(url, out _, out _);

    private static async Task<(PlatformMatcher Matcher, Dictionary<Guid, string> Names)> DirectoryAsync(ITakedownDeskDb db, CancellationToken cancellationToken)
    {
        var platforms = await db.Platforms.AsNoTracking()
            .Select(p => new { p.Id, p.Name, p.Domains })
            .ToListAsync(cancellationToken);
        return (new PlatformMatcher(platforms.Select(p => (p.Id, (IEnumerable<string>)p.Domains))), platforms.ToDictionary(p => p.Id, p => p.Name));
    }
}

public sealed record PasteResult(IReadOnlyList<AcceptedLine> Accepted, IReadOnlyList<RejectedLine> Rejected)
{
    public int AddedCount => Accepted.Count(a => !a.AlreadyRecorded);
}

public sealed record AcceptedLine(int LineNumber, string Url, Guid LocationId, Guid? PlatformId, string? PlatformName, bool AlreadyRecorded);

public sealed record RejectedLine(int LineNumber, string Text, string Reason);
