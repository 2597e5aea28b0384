using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Documents;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Messaging;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>
/// Puts a follow-up to an e-mail contact in the outbox: the letter as the body, its PDF attached and kept as the
/// request's document. It counts as sent when the SMTP server accepts it (RecordEmailSubmission), which plans the next level.
/// </summary>
public sealed class FollowUpMail(ITakedownDeskDb db, FollowUpLetters letters, IDocumentRenderer renderer, IMailSeal seal, ICurrentStaff staff, TimeProvider time)
{
    public async Task<OutboxMessage> QueueAsync(FollowUpNotice followUp, CancellationToken cancellationToken)
    {
        var key = $"follow-up:{followUp.Id}:email";
        if (await db.OutboxMessages.SingleOrDefaultAsync(m => m.Key == key, cancellationToken) is { } queued)
        {
            return queued;
        }

        var (rendered, request) = await letters.RenderAsync(followUp, cancellationToken);
        var pdf = await renderer.PrintAsync(rendered, cancellationToken);
        var now = time.UtcNow();
        var version = await db.Documents.CountAsync(d => d.RequestId == request.Id && d.Kind == DocumentKind.FollowUpNotice, cancellationToken) + 1;
        db.Documents.Add(GeneratedDocument.ForEscalation(
            DocumentKind.FollowUpNotice, request, version, rendered.TemplateName, rendered.TemplateFile, rendered.TemplateSha256, pdf, staff.Id, now));

        var message = new OutboxMessage(
            key, followUp.Target!, $"Follow-up: removal request {request.Reference} not complied with in time", rendered.Html, rendered.PlainText, now, request.Id);
        message.Attach(new OutboxAttachment($"{request.Reference}-follow-up-{followUp.Level + 1}.pdf", "application/pdf", pdf));
        seal.Seal(message, request.VictimId);
        db.OutboxMessages.Add(message);
        followUp.Queue(message.Id, now);
        return message;
    }
}
