using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Prevention;

namespace TakedownDesk.Application.Features.Prevention;

/// <summary>Keeps a StopNCII or NCMEC Take It Down case number with the person's consent (who, when, how); never the PIN, never a hash.</summary>
public sealed record RecordHashMatchingCaseCommand(
    Guid CaseId, HashMatchingService Service, string CaseNumber, string ConsentGivenBy, DateTimeOffset ConsentGivenAt, ConsentMethod ConsentMethod) : ICommand<Guid>;

public sealed class RecordHashMatchingCaseValidator : AbstractValidator<RecordHashMatchingCaseCommand>
{
    public RecordHashMatchingCaseValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.Service).IsInEnum();
        RuleFor(c => c.CaseNumber).NotEmpty().WithMessage("Enter the service's case number (never the PIN).").MaximumLength(HashMatchingCase.MaxCaseNumberLength);
        RuleFor(c => c.ConsentGivenBy).NotEmpty().WithMessage("Say who consented to keeping the case number.").MaximumLength(HashMatchingCase.MaxConsentGivenByLength);
        RuleFor(c => c.ConsentGivenAt).NotEmpty().WithMessage("Say when the consent was given.");
        RuleFor(c => c.ConsentMethod).IsInEnum();
    }
}

public sealed class RecordHashMatchingCaseHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<RecordHashMatchingCaseCommand, Guid>
{
    public async ValueTask<Guid> Handle(RecordHashMatchingCaseCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        var record = HashMatchingCase.Record(
            @case, command.Service, command.CaseNumber, command.ConsentGivenBy, command.ConsentGivenAt.UtcDateTime, command.ConsentMethod, staff.Id, time.UtcNow());
        db.HashMatchingCases.Add(record);
        return record.Id;
    }
}
