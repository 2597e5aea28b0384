using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Application.Features.Casework;

/// <summary>Writes a note on a case, signed by the staff member; the text is sealed with the victim's key.</summary>
public sealed record WriteCaseNoteCommand(Guid CaseId, string Text) : ICommand<Guid>;

public sealed class WriteCaseNoteValidator : AbstractValidator<WriteCaseNoteCommand>
{
    public WriteCaseNoteValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.Text).NotEmpty().WithMessage("Write the note before saving it.").MaximumLength(CaseNote.MaxLength);
    }
}

public sealed class WriteCaseNoteHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<WriteCaseNoteCommand, Guid>
{
    public async ValueTask<Guid> Handle(WriteCaseNoteCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        var note = @case.WriteNote(staff.Id, command.Text, time.UtcNow());
        db.CaseNotes.Add(note);
        return note.Id;
    }
}
