using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Correspondence;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Correspondence;

/// <summary>
/// Finds the request a read e-mail answers, strongest evidence first: the thread (In-Reply-To / References name a
/// Message-ID the desk sent for it), then the request's reference in the subject, then the sender's domain being the
/// platform's together with the platform's own request number in the text.
/// </summary>
public static class ReplyMatching
{
    public static async Task<(RemovalRequest Request, MatchedBy How)?> FindRequestAsync(
        this ITakedownDeskDb db, IncomingEmail mail, CancellationToken cancellationToken)
    {
        var threadIds = mail.ThreadMessageIds.Where(id => id.Length is > 2 and <= 100).Distinct(StringComparer.Ordinal).Take(50).ToList();
        if (threadIds.Count > 0)
        {
            var requestId = await db.OutboxMessages
                .Where(m => m.RemovalRequestId != null && threadIds.Contains(m.MessageId))
                .OrderByDescending(m => m.CreatedAtUtc)
                .Select(m => m.RemovalRequestId)
                .FirstOrDefaultAsync(cancellationToken)
                ?? await db.RemovalRequests
                    .Where(r => r.Submission != null && r.Submission.MessageId != null && threadIds.Contains(r.Submission.MessageId))
                    .Select(r => (Guid?)r.Id)
                    .FirstOrDefaultAsync(cancellationToken);
            if (requestId is { } id && await LoadAsync(db, id, cancellationToken) is { } threaded)
            {
                return (threaded, MatchedBy.Thread);
            }
        }

        var references = ReplyPatterns.DeskReference().Matches(mail.Subject).Select(m => m.Value.ToUpperInvariant()).Distinct().Take(5).ToList();
        if (references.Count > 0)
        {
            var byReference = await db.RemovalRequests.Include(r => r.Items).FirstOrDefaultAsync(r => references.Contains(r.Reference), cancellationToken);
            if (byReference is not null)
            {
                return (byReference, MatchedBy.RequestReference);
            }
        }

        foreach (var platform in await PlatformsOfSenderAsync(db, mail.SenderDomain, cancellationToken))
        {
            var number = platform.ReplyReading.FindRequestNumber(mail.Subject + "\n" + mail.Text);
            if (number is null)
            {
                continue;
            }

            var byNumber = await db.RemovalRequests.Include(r => r.Items)
                .Where(r => r.PlatformId == platform.Id && r.PlatformRequestNumber == number)
                .OrderByDescending(r => r.CreatedAtUtc)
                .FirstOrDefaultAsync(cancellationToken);
            if (byNumber is not null)
            {
                return (byNumber, MatchedBy.PlatformRequestNumber);
            }
        }

        return null;
    }

    /// <summary>How the reply reads with the patterns of the platform it came from (the default wording if unknown).</summary>
    public static async Task<ReplySuggestion> SuggestAsync(this ITakedownDeskDb db, Guid? platformId, string senderDomain, string subject, string text, CancellationToken cancellationToken)
    {
        var platform = platformId is { } id
            ? await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            : (await PlatformsOfSenderAsync(db, senderDomain, cancellationToken)).FirstOrDefault();
        return (platform?.ReplyReading ?? ReplyPatterns.Default).Suggest(subject, text);
    }

    /// <summary>The platforms whose domains (or designated e-mail addresses) the sender's domain is, or is under.</summary>
    private static async Task<List<Platform>> PlatformsOfSenderAsync(ITakedownDeskDb db, string senderDomain, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(senderDomain))
        {
            return [];
        }

        // The directory is small (hundreds of entries) and its domains are JSON: filter in memory.
        var platforms = await db.Platforms.AsNoTracking().ToListAsync(cancellationToken);
        return platforms.Where(p => DomainsOf(p).Any(d => IsSameOrUnder(senderDomain, d))).ToList();
    }

    private static IEnumerable<string> DomainsOf(Platform platform) =>
        platform.Domains.Concat(platform.Channels
            .Where(c => c.Kind == ChannelKind.Email && c.Target is not null && c.Target.Contains('@', StringComparison.Ordinal))
            .Select(c => c.Target![(c.Target!.LastIndexOf('@') + 1)..].ToLowerInvariant()));

    private static bool IsSameOrUnder(string host, string domain) =>
        host.Equals(domain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase);

    private static Task<RemovalRequest?> LoadAsync(ITakedownDeskDb db, Guid requestId, CancellationToken cancellationToken) =>
        db.RemovalRequests.Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
}
