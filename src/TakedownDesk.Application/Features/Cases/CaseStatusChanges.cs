using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Cases;

public enum CaseStatusChange
{
    StartMonitoring,
    Close,
    Reopen,
}

/// <summary>Moves a case between open, monitoring, closed and reopened; the domain refuses illegal moves.</summary>
public sealed record ChangeCaseStatusCommand(Guid CaseId, CaseStatusChange Change, Guid? ExpectedConcurrencyStamp) : ICommand;

public sealed class ChangeCaseStatusValidator : AbstractValidator<ChangeCaseStatusCommand>
{
    public ChangeCaseStatusValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.Change).IsInEnum();
    }
}

public sealed class ChangeCaseStatusHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<ChangeCaseStatusCommand>
{
    public async ValueTask<Unit> Handle(ChangeCaseStatusCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        ConcurrencyStamp.EnsureUnchanged(@case, command.ExpectedConcurrencyStamp);
        var now = time.UtcNow();
        switch (command.Change)
        {
            case CaseStatusChange.StartMonitoring:
                @case.StartMonitoring(now);
                break;
            case CaseStatusChange.Close:
                @case.Close(now);
                break;
            case CaseStatusChange.Reopen:
                @case.Reopen(now);
                break;
        }

        return Unit.Value;
    }
}
