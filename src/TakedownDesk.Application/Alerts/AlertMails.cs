using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Documents.Models;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Alerts;

namespace TakedownDesk.Application.Alerts;

/// <summary>
/// Renders staff e-mails from <c>templates/emails/*.liquid</c>. The subject is the template's title, so whoever edits a
/// template edits its subject too. The models hold references, platform and times only: nothing about the victim.
/// </summary>
public sealed partial class AlertMails(IDocumentRenderer renderer, IOptions<AlertOptions> options, TimeProvider time)
{
    /// <summary>One alert alone gets its own template; several due together get one summary listing them.</summary>
    public Task<ComposedMail> ComposeAsync(IReadOnlyList<StaffAlert> alerts, StaffContact to, CancellationToken cancellationToken)
    {
        if (alerts.Count == 1)
        {
            return RenderAsync(TemplateFor(alerts[0].Kind), ModelFor(alerts[0], to), cancellationToken);
        }

        var rows = alerts
            .OrderBy(a => a.DeadlineAtUtc ?? DateTime.MaxValue)
            .ThenBy(a => a.RequestReference, StringComparer.Ordinal)
            .Select(a => new AlertRowModel(What(a.Kind), a.CaseReference, a.PlatformName, a.RequestReference, DeadlineLocal(a.DeadlineAtUtc, to), a.Detail, LinkFor(a)))
            .ToList();
        return RenderAsync(DocumentTemplates.AlertSummary, new AlertSummaryModel(to.DisplayName, options.Value.OrganisationName, rows.Count, rows), cancellationToken);
    }

    public Task<ComposedMail> ComposeDigestAsync(DateOnly localDate, IReadOnlyList<DigestEntry> openRequests, StaffContact to, CancellationToken cancellationToken)
    {
        var rows = openRequests
            .Select(r => new DigestRowModel(r.CaseReference, r.PlatformName, r.RequestReference, r.Status, DeadlineLocal(r.DeadlineAtUtc, to), LinkTo(r.RequestId)))
            .ToList();
        var model = new DailyDigestModel(to.DisplayName, options.Value.OrganisationName, localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rows);
        return RenderAsync(DocumentTemplates.DailyDigest, model, cancellationToken);
    }

    /// <summary>The request's page: absolute when the desk's public address is configured.</summary>
    public string LinkTo(Guid requestId) =>
        $"{options.Value.PublicBaseUrl?.TrimEnd('/') ?? string.Empty}/Requests/{requestId}";

    /// <summary>A location alert opens the case (where the location's status and checks are); the others open their request.</summary>
    public string LinkFor(StaffAlert alert) => alert.CaseId is { } caseId
        ? $"{options.Value.PublicBaseUrl?.TrimEnd('/') ?? string.Empty}/Cases/{caseId}"
        : LinkTo(alert.RequestId!.Value);

    private static string TemplateFor(AlertKind kind) => kind switch
    {
        AlertKind.LocationReappeared => DocumentTemplates.LocationReappeared,
        AlertKind.DeadlineApproaching => DocumentTemplates.DeadlineApproaching,
        AlertKind.DeadlineMissed => DocumentTemplates.DeadlineMissed,
        AlertKind.SecondAlert => DocumentTemplates.SecondAlert,
        AlertKind.FollowUpReady => DocumentTemplates.FollowUpReady,
        _ => DocumentTemplates.FollowUpReminder,
    };

    private static string What(AlertKind kind) => kind switch
    {
        AlertKind.DeadlineApproaching => "Deadline approaching",
        AlertKind.DeadlineMissed => "Deadline missed",
        AlertKind.SecondAlert => "Still overdue",
        AlertKind.FollowUpReady => "Follow-up ready to send",
        AlertKind.LocationReappeared => "Removed location online again",
        _ => "Follow-up date",
    };

    private object ModelFor(StaffAlert alert, StaffContact to)
    {
        var organisation = options.Value.OrganisationName;
        var link = LinkFor(alert);
        if (alert.DeadlineAtUtc is not { } deadline || alert.Kind is AlertKind.FollowUpReminder or AlertKind.LocationReappeared)
        {
            return new FollowUpReminderModel(to.DisplayName, organisation, alert.CaseReference, alert.PlatformName, alert.RequestReference, alert.Detail, link);
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(deadline, to.TimeZone);
        var left = deadline - time.UtcNow();
        var remaining = left >= TimeSpan.Zero ? $"{LetterParts.Duration(left)} left" : $"{LetterParts.Duration(-left)} overdue";
        return new DeadlineAlertModel(
            to.DisplayName,
            organisation,
            alert.CaseReference,
            alert.PlatformName,
            alert.RequestReference,
            new DeadlineModel(LetterParts.Utc(deadline), LetterParts.Format(local, "yyyy-MM-dd HH:mm"), to.TimeZoneId),
            remaining,
            alert.Detail,
            link);
    }

    private static string DeadlineLocal(DateTime? deadlineUtc, StaffContact to) => deadlineUtc is { } deadline
        ? $"{LetterParts.Format(TimeZoneInfo.ConvertTimeFromUtc(deadline, to.TimeZone), "yyyy-MM-dd HH:mm")} ({to.TimeZoneId})"
        : "none (not a Sec. 3 request)";

    private async Task<ComposedMail> RenderAsync(string template, object model, CancellationToken cancellationToken)
    {
        var rendered = await renderer.RenderAsync(new DocumentRequest(template, model), cancellationToken);
        var title = TitleElement().Match(rendered.Html);
        var subject = title.Success ? WebUtility.HtmlDecode(title.Groups[1].Value).Trim() : "TakedownDesk";
        // A subject is one header line, whatever a template's title holds.
        subject = string.Join(' ', subject.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return new ComposedMail(subject, rendered.Html, rendered.PlainText);
    }

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TitleElement();
}

public sealed record ComposedMail(string Subject, string HtmlBody, string TextBody);

/// <summary>One open request in a daily digest.</summary>
public sealed record DigestEntry(Guid RequestId, string CaseReference, string RequestReference, string PlatformName, DateTime? DeadlineAtUtc, string Status);
