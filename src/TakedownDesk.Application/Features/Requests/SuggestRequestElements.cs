using System.Globalization;
using Mediator;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Alerts;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;

namespace TakedownDesk.Application.Features.Requests;

/// <summary>What the elements form offers before staff type anything: they sign as the authorized person under the case's release.</summary>
public sealed record SuggestRequestElementsQuery(Guid RequestId) : IQuery<RequestElementSuggestions>;

/// <remarks>
/// AuthorityBasis: the release that covers the platform now, by its dates (never the signer's name); null when none covers it.<br/>
/// ContactOrganisation: the configured organisation name; null while it is left at its placeholder.<br/>
/// Statements: the vetted good-faith statements for the case's incident kinds, to pick from.
/// </remarks>
public sealed record RequestElementSuggestions(
    string? SignedName,
    string? AuthorityBasis,
    string? ContactName,
    string? ContactOrganisation,
    string? ContactEmail,
    IReadOnlyList<GoodFaithStatement> Statements);

public sealed class SuggestRequestElementsHandler(
    ITakedownDeskDb db,
    ICurrentStaff staff,
    IStaffDirectory directory,
    IGoodFaithStatements statements,
    IOptions<AlertOptions> organisation,
    TimeProvider time) : IQueryHandler<SuggestRequestElementsQuery, RequestElementSuggestions>
{
    public async ValueTask<RequestElementSuggestions> Handle(SuggestRequestElementsQuery query, CancellationToken cancellationToken)
    {
        var (request, @case) = await db.LoadRequestAsync(query.RequestId, staff, cancellationToken);
        var victim = await db.LoadVictimAsync(@case.VictimId, cancellationToken);
        var release = victim.ReleaseCovering(request.PlatformId, time.UtcNow());
        var me = await directory.GetAsync(staff.Id, cancellationToken);
        var organisationName = organisation.Value.OrganisationName;
        return new RequestElementSuggestions(
            me?.DisplayName,
            release is null ? null : string.Create(CultureInfo.InvariantCulture, $"Written release signed {release.SignedAtUtc:yyyy-MM-dd}, valid until {release.ExpiresAtUtc:yyyy-MM-dd}"),
            me?.DisplayName,
            organisationName == new AlertOptions().OrganisationName ? null : organisationName,
            me?.Email,
            statements.For(@case.Incidents.Select(i => i.Kind)));
    }
}
