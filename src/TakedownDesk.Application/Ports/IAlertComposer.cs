using TakedownDesk.Domain.Escalations;

namespace TakedownDesk.Application.Ports;

/// <summary>
/// Writes staff alert e-mails. The facts hold references only — never a victim's name, contact details or a content
/// URL — so nothing personal can reach an inbox or a log through an alert.
/// </summary>
public interface IAlertComposer
{
    ComposedMail ComposeEscalation(EscalationKind kind, AlertFacts facts, StaffContact recipient);

    ComposedMail ComposeDigest(DateOnly localDate, IReadOnlyList<AlertFacts> openRequests, StaffContact recipient);
}

public sealed record AlertFacts(string CaseReference, string RequestReference, string PlatformName, DateTime? DeadlineAtUtc, string Status);

public sealed record ComposedMail(string Subject, string HtmlBody, string TextBody);
