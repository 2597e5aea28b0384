using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Application.Features.Victims;

/// <summary>The victim's identifying details, shown only when staff ask for them.</summary>
public sealed record GetConfidentialDetailsQuery(Guid CaseId) : IQuery<ConfidentialDetailsView>, IAuditedQuery;

public sealed record ConfidentialDetailsView(
    string? LegalName, DateOnly? DateOfBirth, string? PreferredLanguage, string? Notes, IReadOnlyList<ContactChannelView> ContactChannels);

public sealed record ContactChannelView(ContactChannelKind Kind, string Value, bool SafeToContact, string? SafetyNote);

public sealed class GetConfidentialDetailsHandler(ITakedownDeskDb db, ICurrentStaff staff) : IQueryHandler<GetConfidentialDetailsQuery, ConfidentialDetailsView>
{
    public async ValueTask<ConfidentialDetailsView> Handle(GetConfidentialDetailsQuery query, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(query.CaseId, staff, cancellationToken);
        var victim = await db.LoadVictimAsync(@case.VictimId, cancellationToken);
        var details = victim.Details;
        return new ConfidentialDetailsView(
            details.LegalName,
            details.DateOfBirth,
            details.PreferredLanguage,
            details.Notes,
            // Rows carry no order of their own; by kind, then value, the edit form lists them the same way every time.
            victim.ContactChannels.OrderBy(c => c.Kind).ThenBy(c => c.Value, StringComparer.Ordinal).Select(c => new ContactChannelView(c.Kind, c.Value, c.SafeToContact, c.SafetyNote)).ToList());
    }
}
