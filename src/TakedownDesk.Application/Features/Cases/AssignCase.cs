using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Casework;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.Domain.Common;

namespace TakedownDesk.Application.Features.Cases;

public sealed record AssignCaseCommand(Guid CaseId, string StaffId, Guid? ExpectedConcurrencyStamp) : ICommand;

public sealed class AssignCaseValidator : AbstractValidator<AssignCaseCommand>
{
    public AssignCaseValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.StaffId).NotEmpty().MaximumLength(100);
    }
}

/// <summary>The previous caseworker keeps access as a co-worker for <see cref="CaseworkOptions.HandoverGrace"/>.</summary>
public sealed class AssignCaseHandler(ITakedownDeskDb db, ICurrentStaff staff, IStaffDirectory directory, TimeProvider time, IOptions<CaseworkOptions> options)
    : ICommandHandler<AssignCaseCommand>
{
    public async ValueTask<Unit> Handle(AssignCaseCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        ConcurrencyStamp.EnsureUnchanged(@case, command.ExpectedConcurrencyStamp);
        BusinessRuleViolationException.ThrowIfBroken(new CasesGoToActiveStaff(await directory.GetAsync(command.StaffId, cancellationToken) is not null));
        @case.Assign(command.StaffId, staff.Id, time.UtcNow(), options.Value.HandoverGrace);
        return Unit.Value;
    }
}
