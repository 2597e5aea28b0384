using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Correspondence;

namespace TakedownDesk.Application.Features.Correspondence;

/// <summary>One message as the mailbox reader parsed it: images already dropped, HTML already sanitised.</summary>
/// <remarks>ThreadMessageIds: In-Reply-To and References, in angle brackets as the desk writes its own Message-IDs.</remarks>
public sealed record IncomingEmail(
    string Mailbox,
    long UidValidity,
    long Uid,
    string? MessageId,
    IReadOnlyList<string> ThreadMessageIds,
    DateTimeOffset? Date,
    string From,
    string SenderDomain,
    string Subject,
    string Text,
    string? SafeHtml,
    IReadOnlyList<InboundDocument> Documents,
    int ImagesDropped,
    long SizeBytes,
    bool Oversized);

public enum ReceiveOutcome
{
    AlreadyRead,
    Matched,
    Queued,
}

/// <summary>Takes one read message in: onto its request's timeline, or into the inbox queue. Once per mailbox, UIDVALIDITY and UID.</summary>
public sealed record ReceiveEmailCommand(IncomingEmail Email) : ICommand<ReceiveOutcome>;

public sealed class ReceiveEmailValidator : AbstractValidator<ReceiveEmailCommand>
{
    public ReceiveEmailValidator()
    {
        RuleFor(c => c.Email.Mailbox).NotEmpty().MaximumLength(300);
        RuleFor(c => c.Email.UidValidity).GreaterThan(0);
        RuleFor(c => c.Email.Uid).GreaterThan(0);
    }
}

public sealed class ReceiveEmailHandler(ITakedownDeskDb db, IInboundMailSeal seal, TimeProvider time) : ICommandHandler<ReceiveEmailCommand, ReceiveOutcome>
{
    public async ValueTask<ReceiveOutcome> Handle(ReceiveEmailCommand command, CancellationToken cancellationToken)
    {
        var mail = command.Email;
        if (await db.InboundEmails.AnyAsync(e => e.Mailbox == mail.Mailbox && e.UidValidity == mail.UidValidity && e.Uid == mail.Uid, cancellationToken))
        {
            return ReceiveOutcome.AlreadyRead;
        }

        var now = time.UtcNow();
        var email = new InboundEmail(
            Guid.NewGuid(), mail.Mailbox, mail.UidValidity, mail.Uid, mail.MessageId, mail.Date?.UtcDateTime ?? now, now, mail.SenderDomain,
            mail.ImagesDropped, mail.Documents.Count, mail.SizeBytes);
        if (mail.Oversized)
        {
            email.MarkOversized();
        }

        db.InboundEmails.Add(email);
        var content = new InboundContent(mail.From, mail.Subject, mail.Text, mail.SafeHtml, mail.Documents);
        if (await db.FindRequestAsync(mail, cancellationToken) is not { } match)
        {
            email.Suggest(await db.SuggestAsync(null, mail.SenderDomain, mail.Subject, mail.Text, cancellationToken));
            seal.SealForQueue(email, content);
            return ReceiveOutcome.Queued;
        }

        var request = match.Request;
        var suggestion = await db.SuggestAsync(request.PlatformId, mail.SenderDomain, mail.Subject, mail.Text, cancellationToken);
        email.MatchTo(request.Id, request.CaseId, request.VictimId, request.Reference, match.How, suggestion);
        seal.SealForVictim(email, request.VictimId, content);
        return ReceiveOutcome.Matched;
    }
}
