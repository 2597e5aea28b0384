using TakedownDesk.Application.Documents.Models;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Documents.Composers;

/// <summary>What every letter shares, built once from the request, its case and its platform: the composers only add their kind's fields.</summary>
public sealed record NoticeParts(
    RemovalRequest Request,
    Case Case,
    string OrganisationName,
    PlatformModel Platform,
    Coverage PlatformCoverage,
    SignatureBlockModel Signature,
    ContactModel Contact,
    TimeZoneInfo StaffZone,
    string StaffZoneId,
    string GeneratedAt,
    string Language)
{
    public const string DefaultChannel = "the platform's removal process";

    public static NoticeParts Of(RemovalRequest request, Case @case, Platform platform, TimeZoneInfo zone, string zoneId, DateTime nowUtc)
    {
        var channel = platform.DesignatedChannels.Count > 0 ? platform.DesignatedChannels[0] : null;
        return new NoticeParts(
            request,
            @case,
            LetterParts.Organisation(request),
            new PlatformModel(platform.Name, channel is null ? DefaultChannel : $"{channel.Kind} {channel.Target}".Trim()),
            platform.Coverage,
            LetterParts.Signature(request),
            LetterParts.Contact(request),
            zone,
            zoneId,
            LetterParts.Utc(nowUtc),
            "en");
    }

    /// <summary>The request's locations in the order they were added.</summary>
    public IReadOnlyList<string> LocationUrls => Request.Items.Select(i => Case.FindLocation(i.LocationId).Url).ToList();

    /// <summary>Optional free text prints as nothing rather than failing a strict template.</summary>
    public static string OrEmpty(string? text) => text ?? string.Empty;

    public static string Format(DateTime instant, string format) => LetterParts.Format(instant, format);
}
