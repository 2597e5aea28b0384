using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Requests;

/// <summary>
/// Sends a ready request to the platform's designated e-mail address through the outbox. The request counts as
/// submitted when the SMTP server accepts it (see <see cref="RecordEmailSubmissionCommand"/>), so the clock starts then.
/// </summary>
public sealed record SendRequestByEmailCommand(Guid RequestId, string To) : ICommand<QueuedRequestEmail>, IPrintsDocuments;

public sealed record QueuedRequestEmail(Guid OutboxMessageId, string MessageId);

public sealed class SendRequestByEmailValidator : AbstractValidator<SendRequestByEmailCommand>
{
    public SendRequestByEmailValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
        RuleFor(c => c.To).NotEmpty().EmailAddress().MaximumLength(320);
    }
}

public sealed class SendRequestByEmailHandler(ITakedownDeskDb db, ICurrentStaff staff, RemovalNotices notices, IMailSeal seal, TimeProvider time)
    : ICommandHandler<SendRequestByEmailCommand, QueuedRequestEmail>
{
    public async ValueTask<QueuedRequestEmail> Handle(SendRequestByEmailCommand command, CancellationToken cancellationToken)
    {
        var (request, @case) = await db.LoadRequestAsync(command.RequestId, staff, cancellationToken);
        if (request.Status != RequestStatus.Ready)
        {
            throw new BusinessRuleViolationException($"Only a ready request can be sent; this one is {request.Status}.");
        }

        var platform = await db.Platforms.SingleAsync(p => p.Id == request.PlatformId, cancellationToken);
        var to = command.To.Trim();
        if (!platform.DesignatedChannels.Any(c => c.Kind == ChannelKind.Email && string.Equals(c.Target, to, StringComparison.OrdinalIgnoreCase)))
        {
            throw new BusinessRuleViolationException("That address is not the platform's designated e-mail channel for Take It Down Act requests.");
        }

        var key = $"request:{request.Id}:email";
        var existing = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Key == key, cancellationToken);
        if (existing is not null)
        {
            return new QueuedRequestEmail(existing.Id, existing.MessageId);
        }

        // The e-mail carries the same notice as the stored PDF: the HTML as its body, the PDF attached and kept as evidence.
        var notice = await notices.ProduceFinalAsync(request.Id, cancellationToken);
        var message = new OutboxMessage(
            key, to, $"{request.Kind.Title()} {request.Reference}", notice.Rendered.Html, notice.Rendered.PlainText, time.UtcNow(), request.Id);
        message.Attach(new OutboxAttachment($"{request.Reference}-{Path.GetFileName(notice.Rendered.TemplateName)}.pdf", "application/pdf", notice.Pdf));
        seal.Seal(message, request.VictimId);
        db.OutboxMessages.Add(message);
        return new QueuedRequestEmail(message.Id, message.MessageId);
    }
}

/// <summary>
/// The SMTP server accepted an e-mail about a request: for the request itself that acceptance is the submission, for a
/// follow-up it is the follow-up's sending; the Message-ID is the evidence either way.
/// </summary>
public sealed record RecordEmailSubmissionCommand(Guid RequestId, Guid OutboxMessageId) : ICommand<bool>;

public sealed class RecordEmailSubmissionHandler(ITakedownDeskDb db, TimeProvider time) : ICommandHandler<RecordEmailSubmissionCommand, bool>
{
    public async ValueTask<bool> Handle(RecordEmailSubmissionCommand command, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleAsync(m => m.Id == command.OutboxMessageId, cancellationToken);
        if (await db.FollowUps.SingleOrDefaultAsync(f => f.OutboxMessageId == message.Id, cancellationToken) is { } followUp)
        {
            if (followUp.State != FollowUpState.Queued || message.SentAtUtc is not { } sentAt)
            {
                return false;
            }

            followUp.RecordSent(sentAt, "outbox", message.MessageId, time.UtcNow());
            return true;
        }

        var request = await db.RemovalRequests.Include(r => r.Items).SingleAsync(r => r.Id == command.RequestId, cancellationToken);
        if (request.Status != RequestStatus.Ready || message.SentAtUtc is not { } acceptedAt)
        {
            return false;
        }

        var victimId = await db.Cases.Where(c => c.Id == request.CaseId).Select(c => c.VictimId).SingleAsync(cancellationToken);
        var victim = await db.LoadVictimAsync(victimId, cancellationToken);
        var coverage = await db.Platforms.Where(p => p.Id == request.PlatformId).Select(p => p.Coverage).SingleAsync(cancellationToken);
        request.Submit(
            new Submission(
                ChannelKind.Email,
                message.To,
                "The platform's designated e-mail address for Take It Down Act requests",
                acceptedAt,
                "outbox",
                null,
                message.MessageId,
                null),
            victim,
            coverage,
            time.UtcNow());
        return true;
    }
}
