using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Incidents;
using TakedownDesk.Application.Features.Locations;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Application.Features.Cases;

/// <summary>Opens a case in one step: the victim, their release, the first incident and any pasted URLs.</summary>
public sealed record OpenCaseCommand(
    string Pseudonym,
    string? LegalName,
    DateOnly? DateOfBirth,
    string? PreferredLanguage,
    string? Notes,
    bool MayHaveBeenMinorWhenDepicted,
    IReadOnlyList<ContactChannelInput>? ContactChannels,
    ReleaseInput Release,
    IncidentInput Incident,
    string? PastedUrls,
    string? AssignedStaffId) : ICommand<OpenCaseResult>;

public sealed record ContactChannelInput(ContactChannelKind Kind, string Value, bool SafeToContact, string? SafetyNote);

/// <summary>The opened case; in the API its own id is "id", as in every answer about one resource.</summary>
public sealed record OpenCaseResult([property: JsonPropertyName("id")] Guid CaseId, string Reference, Guid VictimId, Guid ReleaseId, bool RoutedToNcmec, PasteResult Locations);

public sealed class OpenCaseValidator : AbstractValidator<OpenCaseCommand>
{
    public OpenCaseValidator()
    {
        RuleFor(c => c.Pseudonym).VictimPseudonym();
        RuleFor(c => c.LegalName).MaximumLength(200).PlainName();
        RuleFor(c => c.PreferredLanguage).MaximumLength(35);
        RuleFor(c => c.Notes).MaximumLength(4000);
        RuleForEach(c => c.ContactChannels).NotNull().SetValidator(new ContactChannelInputValidator());
        RuleFor(c => c.Release).NotNull().SetValidator(new ReleaseInputValidator());
        RuleFor(c => c.Incident).NotNull().SetValidator(new IncidentInputValidator());
        RuleFor(c => c.PastedUrls).MaximumLength(2_000_000);
        RuleFor(c => c.AssignedStaffId).MaximumLength(100);
    }
}

public sealed class OpenCaseHandler(ITakedownDeskDb db, ICurrentStaff staff, IStaffDirectory directory, TimeProvider time) : ICommandHandler<OpenCaseCommand, OpenCaseResult>
{
    public async ValueTask<OpenCaseResult> Handle(OpenCaseCommand command, CancellationToken cancellationToken)
    {
        if (command.AssignedStaffId is { } assignee)
        {
            BusinessRuleViolationException.ThrowIfBroken(new CasesGoToActiveStaff(await directory.GetAsync(assignee, cancellationToken) is not null));
        }

        var now = time.UtcNow();
        var victim = new Victim(
            command.Pseudonym,
            new ConfidentialDetails(command.LegalName, command.DateOfBirth, command.PreferredLanguage, command.Notes),
            command.MayHaveBeenMinorWhenDepicted,
            now);
        foreach (var channel in command.ContactChannels ?? [])
        {
            victim.AddContactChannel(channel.Kind, channel.Value, channel.SafeToContact, channel.SafetyNote);
        }

        var release = await command.Release.RecordOnAsync(db, victim, now, cancellationToken);
        var reference = await NextReferenceAsync(now.Year, cancellationToken);
        var @case = new Case(reference, victim.Id, command.AssignedStaffId ?? staff.Id, victim.MayHaveBeenMinorWhenDepicted, now);
        await command.Incident.AddToAsync(db, @case, now, cancellationToken);
        var locations = await LocationIntake.AddPastedAsync(db, @case, command.PastedUrls, null, null, now, cancellationToken);

        db.Victims.Add(victim);
        db.Cases.Add(@case);
        return new OpenCaseResult(@case.Id, @case.Reference, victim.Id, release.Id, @case.RoutedToNcmec, locations);
    }

    private async Task<CaseReference> NextReferenceAsync(int year, CancellationToken cancellationToken)
    {
        await TransactionLock.CaseReference.AcquireAsync(db, cancellationToken);
        var last = await db.Cases.Where(c => c.ReferenceYear == year).MaxAsync(c => (int?)c.ReferenceNumber, cancellationToken);
        return CaseReference.Create(year, (last ?? 0) + 1);
    }
}
