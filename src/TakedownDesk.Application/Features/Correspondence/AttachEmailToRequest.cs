using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Correspondence;

namespace TakedownDesk.Application.Features.Correspondence;

/// <summary>Staff put a queued e-mail on the request it answers: it moves from the inbox key to that victim's key.</summary>
public sealed record AttachEmailToRequestCommand(Guid EmailId, string RequestReference) : ICommand;

public sealed class AttachEmailToRequestValidator : AbstractValidator<AttachEmailToRequestCommand>
{
    public AttachEmailToRequestValidator()
    {
        RuleFor(c => c.EmailId).NotEmpty();
        RuleFor(c => c.RequestReference).NotEmpty().WithMessage("Enter the request's reference, e.g. TD-2026-00042-R1.").MaximumLength(50);
    }
}

public sealed class AttachEmailToRequestHandler(ITakedownDeskDb db, ICurrentStaff staff, IInboundMailSeal seal) : ICommandHandler<AttachEmailToRequestCommand>
{
    public async ValueTask<Mediator.Unit> Handle(AttachEmailToRequestCommand command, CancellationToken cancellationToken)
    {
        var email = await db.InboundEmails.SingleOrDefaultAsync(e => e.Id == command.EmailId, cancellationToken)
                    ?? throw new NotFoundException("E-mail", command.EmailId);
        var reference = command.RequestReference.Trim().ToUpperInvariant();
        var requestId = await db.RemovalRequests.Where(r => r.Reference == reference).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken)
                        ?? throw new BusinessRuleViolationException($"No request has the reference {reference}.");
        var (request, _) = await db.LoadRequestAsync(requestId, staff, cancellationToken);
        var content = email.Oversized ? new InboundContent(string.Empty, string.Empty, string.Empty, null, []) : seal.Open(email)
                      ?? throw new BusinessRuleViolationException("This e-mail can no longer be opened.");
        var suggestion = await db.SuggestAsync(request.PlatformId, email.SenderDomain, content.Subject, content.Text, cancellationToken);
        email.MatchTo(request.Id, request.CaseId, request.VictimId, request.Reference, MatchedBy.Staff, suggestion);
        seal.SealForVictim(email, request.VictimId, content);
        return Mediator.Unit.Value;
    }
}
