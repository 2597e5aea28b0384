using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>Staff sent a follow-up through a web form (or by phone, in an app): when, and the confirmation the form gave.</summary>
public sealed record RecordFollowUpSubmissionCommand(Guid FollowUpId, DateTime SentAtUtc, string? Confirmation) : ICommand<FollowUpRecorded>;

public sealed record FollowUpRecorded(Guid FollowUpId, Guid CaseId, Guid RequestId);

public sealed class RecordFollowUpSubmissionValidator : AbstractValidator<RecordFollowUpSubmissionCommand>
{
    public RecordFollowUpSubmissionValidator()
    {
        RuleFor(c => c.FollowUpId).NotEmpty();
        RuleFor(c => c.SentAtUtc).NotEmpty().Must(t => t.Kind == DateTimeKind.Utc).WithMessage("The time must be given in UTC.");
        RuleFor(c => c.Confirmation).MaximumLength(500);
    }
}

public sealed class RecordFollowUpSubmissionHandler(FollowUps followUps, ICurrentStaff staff, TimeProvider time)
    : ICommandHandler<RecordFollowUpSubmissionCommand, FollowUpRecorded>
{
    public async ValueTask<FollowUpRecorded> Handle(RecordFollowUpSubmissionCommand command, CancellationToken cancellationToken)
    {
        var followUp = await followUps.LoadAsync(command.FollowUpId, cancellationToken);
        followUp.RecordSent(command.SentAtUtc, staff.Id, command.Confirmation, time.UtcNow());
        return new FollowUpRecorded(followUp.Id, followUp.CaseId, followUp.RequestId);
    }
}
