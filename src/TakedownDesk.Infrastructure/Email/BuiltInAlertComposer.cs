using System.Globalization;
using System.Net;
using System.Text;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Escalations;

namespace TakedownDesk.Infrastructure.Email;

/// <summary>Small built-in alert texts until the Liquid templates arrive. References, platform and deadline only: nothing about the victim.</summary>
public sealed class BuiltInAlertComposer : IAlertComposer
{
    public ComposedMail ComposeEscalation(EscalationKind kind, AlertFacts facts, StaffContact recipient)
    {
        var (subject, lead) = kind switch
        {
            EscalationKind.Reminder12hBefore => ($"Deadline approaching: {facts.RequestReference}", "The platform's 48-hour removal deadline is approaching."),
            EscalationKind.OverdueAtDeadline => ($"Deadline missed: {facts.RequestReference}", "The platform missed the 48-hour removal deadline. The request is overdue; its follow-up notice is drafted and ready to send."),
            EscalationKind.SecondAlert24hAfter => ($"Still overdue after 24 hours: {facts.RequestReference}", "The request is still unresolved a day after the deadline. The FTC report pack is prepared (unless the release does not cover the FTC): file it and record the FTC's reference."),
            EscalationKind.EscalationLevelDue => ($"Follow-up ready to send: {facts.RequestReference}", "The platform did not answer the last follow-up: the next level's follow-up is drafted and ready to send."),
            EscalationKind.FollowUp30d => ($"30-day follow-up: {facts.RequestReference}", "Thirty days since this request was sent: check whether the platform acted."),
            _ => ($"7-day follow-up: {facts.RequestReference}", "A week since this request was sent: check whether the platform acted."),
        };
        var lines = new[]
        {
            lead,
            $"Case: {facts.CaseReference}",
            $"Request: {facts.RequestReference}",
            $"Platform: {facts.PlatformName}",
            $"Deadline: {Deadline(facts.DeadlineAtUtc, recipient)}",
            $"Status: {facts.Status}",
        };
        return new ComposedMail(subject, Html(lines), string.Join("\r\n", lines) + "\r\n");
    }

    public ComposedMail ComposeDigest(DateOnly localDate, IReadOnlyList<AlertFacts> openRequests, StaffContact recipient)
    {
        var lines = new List<string> { $"Open requests on {localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {openRequests.Count}" };
        lines.AddRange(openRequests.Select(r =>
            $"{r.CaseReference} / {r.RequestReference} — {r.PlatformName} — {r.Status} — deadline {Deadline(r.DeadlineAtUtc, recipient)}"));
        return new ComposedMail(
            $"TakedownDesk daily digest {localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            Html(lines),
            string.Join("\r\n", lines) + "\r\n");
    }

    private static string Deadline(DateTime? deadlineUtc, StaffContact recipient)
    {
        if (deadlineUtc is not { } deadline)
        {
            return "none (not a statutory request)";
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(deadline, recipient.TimeZone);
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} ({recipient.TimeZoneId}), {deadline:yyyy-MM-dd HH:mm} UTC");
    }

    private static string Html(IEnumerable<string> lines)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        foreach (var line in lines)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        }

        return html.Append("</body></html>").ToString();
    }
}
