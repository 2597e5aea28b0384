using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Locations;

/// <summary>Adds a pasted list of URLs to a case as copies of one depiction (new, or an existing one).</summary>
public sealed record AddLocationsCommand(Guid CaseId, string PastedUrls, Guid? DepictionId, string? NewDepictionLabel) : ICommand<PasteResult>;

public sealed class AddLocationsValidator : AbstractValidator<AddLocationsCommand>
{
    public AddLocationsValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.PastedUrls).NotEmpty().MaximumLength(2_000_000);
        RuleFor(c => c.NewDepictionLabel).MaximumLength(100);
    }
}

public sealed class AddLocationsHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<AddLocationsCommand, PasteResult>
{
    public async ValueTask<PasteResult> Handle(AddLocationsCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        return await LocationIntake.AddPastedAsync(
            db, @case, command.PastedUrls, command.DepictionId, command.NewDepictionLabel, time.UtcNow(), cancellationToken);
    }
}
