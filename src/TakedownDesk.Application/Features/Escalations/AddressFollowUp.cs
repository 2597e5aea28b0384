using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>Staff fill in or correct the contact of a drafted follow-up (a hosting provider's abuse address found for this site).</summary>
public sealed record AddressFollowUpCommand(Guid FollowUpId, ChannelKind Channel, string Target) : ICommand<FollowUpRecorded>;

public sealed class AddressFollowUpValidator : AbstractValidator<AddressFollowUpCommand>
{
    public AddressFollowUpValidator()
    {
        RuleFor(c => c.FollowUpId).NotEmpty();
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.Target).NotEmpty().MaximumLength(2000).SingleLine();
        RuleFor(c => c.Target).EmailAddress().When(c => c.Channel == ChannelKind.Email).WithMessage("Enter the contact's e-mail address.");
    }
}

public sealed class AddressFollowUpHandler(FollowUps followUps) : ICommandHandler<AddressFollowUpCommand, FollowUpRecorded>
{
    public async ValueTask<FollowUpRecorded> Handle(AddressFollowUpCommand command, CancellationToken cancellationToken)
    {
        var followUp = await followUps.LoadAsync(command.FollowUpId, cancellationToken);
        followUp.Address(command.Channel, command.Target);
        return new FollowUpRecorded(followUp.Id, followUp.CaseId, followUp.RequestId);
    }
}
