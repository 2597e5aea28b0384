using System.Globalization;
using TakedownDesk.Application.Documents.Models;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Documents;

/// <summary>The parts every letter about a request shares, from the request alone: signature block, contact, channel, evidence, times.</summary>
public static class LetterParts
{
    public static SignatureBlockModel Signature(RemovalRequest request) => request.Signature is { } signature
        ? new SignatureBlockModel(
            signature.SignedName,
            signature.Capacity == RequesterCapacity.AuthorizedPerson ? SignatureBlockModel.AuthorizedPerson : SignatureBlockModel.DepictedIndividual,
            signature.AuthorityBasis ?? string.Empty,
            Format(signature.SignedAtUtc, "yyyy-MM-dd"))
        : new SignatureBlockModel(string.Empty, SignatureBlockModel.DepictedIndividual, string.Empty, string.Empty);

    public static ContactModel Contact(RemovalRequest request) => request.Contact is { } contact
        ? new ContactModel(contact.Name, contact.Organisation ?? string.Empty, contact.Email ?? string.Empty, contact.Phone ?? string.Empty, contact.PostalAddress ?? string.Empty)
        : new ContactModel(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    public static string Organisation(RemovalRequest request) => request.Contact?.Organisation ?? request.Contact?.Name ?? string.Empty;

    /// <summary>The request's locations that pass <paramref name="include"/>, grouped by depiction so copies are cited together.</summary>
    public static IReadOnlyList<DepictionModel> Depictions(Case @case, RemovalRequest request, Func<RequestItem, bool> include) =>
        @case.Depictions
            .Select(d => new DepictionModel(d.Label, request.Items.Where(i => i.DepictionId == d.Id && include(i))
                .Select(i => new LocationModel(@case.FindLocation(i.LocationId).Url, string.Empty)).ToList()))
            .Where(d => d.Locations.Count > 0)
            .ToList();

    public static string Channel(Submission? submission) =>
        submission is null ? string.Empty : $"{submission.Channel} {submission.ChannelTarget}".Trim();

    public static string Evidence(Submission? submission) => submission switch
    {
        { MessageId: { } messageId } => $"E-mail Message-ID <{messageId}>",
        { ConfirmationNumber: { } number } => $"Confirmation number {number}",
        _ => string.Empty,
    };

    public static string Utc(DateTime instant) => Format(instant, "yyyy-MM-dd HH:mm 'UTC'");

    /// <summary>A lateness as people say it: "31 hours (1 day 7 hours)".</summary>
    public static string Duration(TimeSpan span)
    {
        var hours = (int)Math.Floor(span.TotalHours);
        if (hours < 1)
        {
            return $"{Math.Max(0, (int)span.TotalMinutes)} minutes";
        }

        var days = hours / 24;
        var rest = hours % 24;
        var whole = $"{hours} hour{(hours == 1 ? string.Empty : "s")}";
        return days == 0 ? whole : $"{whole} ({days} day{(days == 1 ? string.Empty : "s")} {rest} hour{(rest == 1 ? string.Empty : "s")})";
    }

    public static string Format(DateTime instant, string format) => instant.ToString(format, CultureInfo.InvariantCulture);
}
