using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Application.Features.Victims;

/// <summary>
/// Corrects the person's details after intake: the pseudonym, the confidential fields and the whole list of contact
/// channels (each kind a release can disclose: e-mail, phone, postal address, and the rest). Sealed like at intake;
/// the timeline and the audit say that they changed, never to what.
/// </summary>
public sealed record EditVictimDetailsCommand(
    Guid CaseId,
    string Pseudonym,
    string? LegalName,
    DateOnly? DateOfBirth,
    string? PreferredLanguage,
    string? Notes,
    IReadOnlyList<ContactChannelInput>? ContactChannels,
    Guid? ExpectedConcurrencyStamp) : ICommand;

public sealed class EditVictimDetailsValidator : AbstractValidator<EditVictimDetailsCommand>
{
    public EditVictimDetailsValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.Pseudonym).VictimPseudonym();
        RuleFor(c => c.LegalName).MaximumLength(200).PlainName();
        RuleFor(c => c.PreferredLanguage).MaximumLength(35);
        RuleFor(c => c.Notes).MaximumLength(4000);
        RuleForEach(c => c.ContactChannels).NotNull().SetValidator(new ContactChannelInputValidator());
    }
}

public sealed class ContactChannelInputValidator : AbstractValidator<ContactChannelInput>
{
    public ContactChannelInputValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Value).NotEmpty().WithMessage("Give the address or number of each contact, or remove it.").MaximumLength(320);
        RuleFor(x => x.SafetyNote).MaximumLength(500);
    }
}

public static class VictimFieldRules
{
    public static IRuleBuilderOptions<T, string> VictimPseudonym<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Give the pseudonym staff use for the person.").MaximumLength(100).PlainName();
}

public sealed class EditVictimDetailsHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<EditVictimDetailsCommand>
{
    public async ValueTask<Unit> Handle(EditVictimDetailsCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        var victim = await db.LoadVictimAsync(@case.VictimId, cancellationToken);
        ConcurrencyStamp.EnsureUnchanged(victim, command.ExpectedConcurrencyStamp);
        victim.Rename(command.Pseudonym);
        victim.UpdateDetails(new ConfidentialDetails(Blank(command.LegalName), command.DateOfBirth, Blank(command.PreferredLanguage), Blank(command.Notes)));
        victim.ReplaceContactChannels((command.ContactChannels ?? [])
            .Select(c => Victim.NewContactChannel(c.Kind, c.Value, c.SafeToContact, c.SafetyNote)).ToList());
        @case.NoteVictimDetailsEdited(victim.ContactChannels.Count, time.UtcNow());
        return Unit.Value;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
