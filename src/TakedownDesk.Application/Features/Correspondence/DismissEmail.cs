using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Correspondence;

/// <summary>Staff decided a queued e-mail concerns no request: it leaves the queue and its sealed content is dropped.</summary>
public sealed record DismissEmailCommand(Guid EmailId) : ICommand;

public sealed class DismissEmailValidator : AbstractValidator<DismissEmailCommand>
{
    public DismissEmailValidator() => RuleFor(c => c.EmailId).NotEmpty();
}

public sealed class DismissEmailHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<DismissEmailCommand>
{
    public async ValueTask<Mediator.Unit> Handle(DismissEmailCommand command, CancellationToken cancellationToken)
    {
        var email = await db.InboundEmails.SingleOrDefaultAsync(e => e.Id == command.EmailId, cancellationToken)
                    ?? throw new NotFoundException("E-mail", command.EmailId);
        email.Dismiss(staff.Id, time.UtcNow());
        return Mediator.Unit.Value;
    }
}
