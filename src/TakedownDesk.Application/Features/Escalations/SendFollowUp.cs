using FluentValidation;
using Mediator;
using TakedownDesk.Application.Documents;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>
/// Staff send a drafted follow-up to its e-mail contact. <see cref="ConfirmedAddress"/> is the address the
/// confirmation showed them: if the follow-up was re-addressed in between, nothing is sent.
/// </summary>
public sealed record SendFollowUpCommand(Guid FollowUpId, string ConfirmedAddress) : ICommand<QueuedFollowUp>, IPrintsDocuments;

public sealed record QueuedFollowUp(Guid FollowUpId, Guid CaseId, Guid RequestId, Guid OutboxMessageId, string MessageId);

public sealed class SendFollowUpValidator : AbstractValidator<SendFollowUpCommand>
{
    public SendFollowUpValidator()
    {
        RuleFor(c => c.FollowUpId).NotEmpty();
        RuleFor(c => c.ConfirmedAddress).NotEmpty().MaximumLength(320);
    }
}

public sealed class SendFollowUpHandler(FollowUps followUps, FollowUpMail mail) : ICommandHandler<SendFollowUpCommand, QueuedFollowUp>
{
    public async ValueTask<QueuedFollowUp> Handle(SendFollowUpCommand command, CancellationToken cancellationToken)
    {
        var followUp = await followUps.LoadAsync(command.FollowUpId, cancellationToken);
        followUp.ConfirmAddress(command.ConfirmedAddress);
        var message = await mail.QueueAsync(followUp, cancellationToken);
        return new QueuedFollowUp(followUp.Id, followUp.CaseId, followUp.RequestId, message.Id, message.MessageId);
    }
}
