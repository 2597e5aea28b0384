using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Correspondence;

namespace TakedownDesk.Application.Features.Correspondence;

/// <summary>The e-mails no request could be found for, newest first, for staff to attach or dismiss.</summary>
public sealed record ListInboxQuery : IQuery<IReadOnlyList<InboxItemView>>;

public sealed record InboxItemView(
    Guid Id, DateTime DateUtc, string From, string Subject, string Text, int ImagesDropped, int DocumentCount, bool Oversized, ReplyMeaning Suggestion, string? SuggestedRequestNumber);

public sealed class ListInboxHandler(ITakedownDeskDb db, IInboundMailSeal seal) : IQueryHandler<ListInboxQuery, IReadOnlyList<InboxItemView>>
{
    /// <summary>A queue longer than this is a mailbox problem, not triage: the page shows the newest.</summary>
    private const int Shown = 200;

    public async ValueTask<IReadOnlyList<InboxItemView>> Handle(ListInboxQuery query, CancellationToken cancellationToken)
    {
        var queued = await db.InboundEmails.AsNoTracking()
            .Where(e => e.State == InboundEmailState.Unmatched)
            .OrderByDescending(e => e.DateUtc)
            .Take(Shown)
            .ToListAsync(cancellationToken);
        return queued.Select(e =>
        {
            var content = e.Oversized ? null : seal.Open(e);
            return new InboxItemView(
                e.Id, e.DateUtc, content?.From ?? e.SenderDomain, content?.Subject ?? string.Empty, content?.Text ?? string.Empty, e.ImagesDropped, e.DocumentCount, e.Oversized, e.Suggestion, e.SuggestedRequestNumber);
        }).ToList();
    }
}
