using System.Globalization;
using TakedownDesk.Application.Documents.Models;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Documents.Composers;

/// <summary>
/// The Sec. 3 letter: the four statutory elements and the 48-hour deadline. To a platform outside the Act's coverage
/// the same four elements go in a letter that asks for removal under the platform's own policy and asserts no duty.
/// </summary>
public sealed class StatutoryRemovalComposer : INoticeComposer
{
    public const string LegalBasis = "Section 3 of the TAKE IT DOWN Act, Pub. L. 119-12";

    public const string PolicyBasis = "the platform's own policy on non-consensual intimate imagery";

    public RequestKind Kind => RequestKind.StatutoryRemoval;

    public string TemplateFor(NoticeParts parts) =>
        StatutoryDeadline.Applies(Kind, parts.PlatformCoverage) ? DocumentTemplates.RemovalRequest : DocumentTemplates.RemovalRequestUnderPolicy;

    public object Compose(NoticeParts parts)
    {
        var (request, @case) = (parts.Request, parts.Case);
        var incident = @case.Incidents.OrderBy(i => i.DiscoveredAtUtc).FirstOrDefault();
        var covered = StatutoryDeadline.Applies(Kind, parts.PlatformCoverage);
        return new RemovalNoticeModel(
            parts.OrganisationName,
            parts.Platform,
            request.Reference,
            incident?.Kind == IncidentKind.DigitalForgery ? "digital forgery (AI-generated intimate depiction)" : "intimate visual depiction",
            parts.Signature,
            @case.Depictions
                .Select(d => new DepictionModel(d.Label, request.Items.Where(i => i.DepictionId == d.Id)
                    .Select(i => new LocationModel(@case.FindLocation(i.LocationId).Url, string.Empty)).ToList()))
                .Where(d => d.Locations.Count > 0)
                .ToList(),
            NoticeParts.OrEmpty(request.GoodFaithStatement),
            NoticeParts.OrEmpty(request.SupportingFacts).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            parts.Contact,
            covered ? LegalBasis : PolicyBasis,
            covered ? Deadline(request, parts.StaffZone, parts.StaffZoneId) : NoDeadline(parts.StaffZoneId),
            parts.GeneratedAt,
            parts.Language);
    }

    /// <summary>No statutory clock runs, so a letter (or a platform's variant of it) has no time limit to print.</summary>
    private static DeadlineModel NoDeadline(string zoneId) => new(string.Empty, string.Empty, zoneId);

    private static DeadlineModel Deadline(RemovalRequest request, TimeZoneInfo zone, string zoneId)
    {
        if (request.DeadlineAtUtc is not { } deadline)
        {
            return new DeadlineModel("48 hours after the platform receives this request", "48 hours after receipt", zoneId);
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(deadline, zone);
        return new DeadlineModel(NoticeParts.Format(deadline, "yyyy-MM-dd HH:mm 'UTC'"), local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), zoneId);
    }
}
