using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Correspondence;
using TakedownDesk.Domain.Messaging;

namespace TakedownDesk.Application.Features.Correspondence;

/// <summary>The request's e-mail: the request sent from the desk (if it was) and the platform's replies, oldest first.</summary>
public sealed record GetRequestCorrespondenceQuery(Guid RequestId) : IQuery<RequestCorrespondenceView>;

public sealed record RequestCorrespondenceView(SentRequestEmailView? Sent, IReadOnlyList<ReplyView> Replies);

public sealed record SentRequestEmailView(string To, OutboxState State, string MessageId, DateTime? SentAtUtc, string? LastError);

public sealed record ReplyView(
    Guid Id,
    DateTime DateUtc,
    string From,
    string Subject,
    string Text,
    string? SafeHtml,
    IReadOnlyList<ReplyDocumentView> Documents,
    int ImagesDropped,
    bool Oversized,
    MatchedBy MatchedBy,
    InboundEmailState State,
    ReplyMeaning Suggestion,
    string? SuggestedRequestNumber,
    ReplyMeaning? ConfirmedMeaning,
    DateTime? HandledAtUtc);

public sealed record ReplyDocumentView(string FileName, string ContentType, int Size);

public sealed class GetRequestCorrespondenceHandler(ITakedownDeskDb db, ICurrentStaff staff, IInboundMailSeal seal)
    : IQueryHandler<GetRequestCorrespondenceQuery, RequestCorrespondenceView>
{
    public async ValueTask<RequestCorrespondenceView> Handle(GetRequestCorrespondenceQuery query, CancellationToken cancellationToken)
    {
        var (request, _) = await db.LoadRequestAsync(query.RequestId, staff, cancellationToken);
        var key = $"request:{request.Id}:email";
        var sent = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Key == key)
            .Select(m => new SentRequestEmailView(m.To, m.State, m.MessageId, m.SentAtUtc, m.LastError))
            .SingleOrDefaultAsync(cancellationToken);
        var emails = await db.InboundEmails.AsNoTracking()
            .Where(e => e.RequestId == request.Id)
            .OrderBy(e => e.DateUtc)
            .ToListAsync(cancellationToken);
        var replies = emails.Select(e =>
        {
            var content = e.Oversized ? null : seal.Open(e);
            return new ReplyView(
                e.Id,
                e.DateUtc,
                content?.From ?? e.SenderDomain,
                content?.Subject ?? string.Empty,
                content?.Text ?? string.Empty,
                content?.SafeHtml,
                content?.Documents.Select(d => new ReplyDocumentView(d.FileName, d.ContentType, d.Content.Length)).ToList() ?? [],
                e.ImagesDropped,
                e.Oversized,
                e.MatchedBy,
                e.State,
                e.Suggestion,
                e.SuggestedRequestNumber,
                e.ConfirmedMeaning,
                e.HandledAtUtc);
        }).ToList();
        return new RequestCorrespondenceView(sent, replies);
    }
}
