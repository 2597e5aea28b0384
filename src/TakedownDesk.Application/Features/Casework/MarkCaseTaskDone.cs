using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Casework;

/// <summary>Ticks a task done, or back to not done (it returns to the board).</summary>
public sealed record MarkCaseTaskDoneCommand(Guid CaseId, Guid TaskId, bool Done) : ICommand;

public sealed class MarkCaseTaskDoneValidator : AbstractValidator<MarkCaseTaskDoneCommand>
{
    public MarkCaseTaskDoneValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.TaskId).NotEmpty();
    }
}

public sealed class MarkCaseTaskDoneHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<MarkCaseTaskDoneCommand>
{
    public async ValueTask<Unit> Handle(MarkCaseTaskDoneCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        var task = await db.CaseTasks.SingleOrDefaultAsync(t => t.Id == command.TaskId, cancellationToken)
            ?? throw new NotFoundException("Task", command.TaskId);
        @case.MarkTaskDone(task, command.Done, time.UtcNow());
        return Unit.Value;
    }
}
