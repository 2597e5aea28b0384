using System.Globalization;
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
        var contact = request.Contact;
        var signature = request.Signature;
        return new NoticeParts(
            request,
            @case,
            contact?.Organisation ?? contact?.Name ?? string.Empty,
            new PlatformModel(platform.Name, channel is null ? DefaultChannel : $"{channel.Kind} {channel.Target}".Trim()),
            new SignatureBlockModel(
                signature?.SignedName ?? string.Empty,
                signature?.Capacity == RequesterCapacity.AuthorizedPerson ? SignatureBlockModel.AuthorizedPerson : SignatureBlockModel.DepictedIndividual,
                signature?.AuthorityBasis ?? string.Empty,
                signature is null ? string.Empty : Format(signature.SignedAtUtc, "yyyy-MM-dd")),
            new ContactModel(contact?.Name ?? string.Empty, contact?.Organisation ?? string.Empty, contact?.Email ?? string.Empty, contact?.Phone ?? string.Empty, contact?.PostalAddress ?? string.Empty),
            zone,
            zoneId,
            Format(nowUtc, "yyyy-MM-dd HH:mm 'UTC'"),
            "en");
    }

    /// <summary>The request's locations in the order they were added.</summary>
    public IReadOnlyList<string> LocationUrls => Request.Items.Select(i => Case.FindLocation(i.LocationId).Url).ToList();

    /// <summary>Optional free text prints as nothing rather than failing a strict template.</summary>
    public static string OrEmpty(string? text) => text ?? string.Empty;

    public static string Format(DateTime instant, string format) => instant.ToString(format, CultureInfo.InvariantCulture);
}
