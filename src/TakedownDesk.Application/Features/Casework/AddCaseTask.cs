using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.Domain.Common;

namespace TakedownDesk.Application.Features.Casework;

/// <summary>Adds a task due at an instant (the page converts from the staff member's zone); no assignee means the case's caseworker.</summary>
public sealed record AddCaseTaskCommand(Guid CaseId, string Title, DateTimeOffset DueAt, string? AssigneeId) : ICommand<Guid>;

public sealed class AddCaseTaskValidator : AbstractValidator<AddCaseTaskCommand>
{
    public AddCaseTaskValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.Title).NotEmpty().WithMessage("Say what is to be done.").MaximumLength(CaseTask.MaxTitleLength);
        RuleFor(c => c.DueAt).NotEmpty().WithMessage("Give the date the task is due.");
        RuleFor(c => c.AssigneeId).MaximumLength(100);
    }
}

public sealed class AddCaseTaskHandler(ITakedownDeskDb db, ICurrentStaff staff, IStaffDirectory directory, TimeProvider time) : ICommandHandler<AddCaseTaskCommand, Guid>
{
    public async ValueTask<Guid> Handle(AddCaseTaskCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        var assignee = string.IsNullOrWhiteSpace(command.AssigneeId) ? null : await directory.GetAsync(command.AssigneeId, cancellationToken);
        BusinessRuleViolationException.ThrowIfBroken(new CasesGoToActiveStaff(command.AssigneeId is null || assignee is not null));
        var task = @case.AddTask(command.Title, command.DueAt.UtcDateTime, assignee?.Id, assignee?.IsSupervisor ?? false, time.UtcNow());
        db.CaseTasks.Add(task);
        return task.Id;
    }
}
