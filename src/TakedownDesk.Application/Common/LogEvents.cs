namespace TakedownDesk.Application.Common;

/// <summary>
/// Stable event ids of the operationally important log events, so alerts and dashboards can match on a number rather
/// than on message text. Never renumber: add. Ranges: 1xxx use cases, 2xxx escalations, 3xxx e-mail, 4xxx documents,
/// 5xxx backup, 6xxx erasure and retention, 7xxx sign-in, 8xxx start-up, 9xxx location checks.
/// </summary>
public static class LogEvents
{
    public const int UseCaseHandled = 1000;
    public const int UseCaseFailed = 1001;

    public const int EscalationStepDone = 2000;
    public const int EscalationStepFailed = 2001;
    public const int EscalationRecipientUnknown = 2002;
    public const int AlertsQueued = 2003;
    public const int AlertsNotComposed = 2004;
    public const int WorkLoopFailed = 2005;

    public const int EmailSent = 3000;
    public const int EmailRetrying = 3001;
    public const int EmailDeadLettered = 3002;
    public const int EmailOutcomeUnknown = 3003;
    public const int EmailUndeliverable = 3004;
    public const int MailboxRead = 3010;
    public const int MailboxReadFailed = 3011;
    public const int MailboxMessageFailed = 3012;

    public const int PdfRendered = 4000;
    public const int ChromiumRestarted = 4001;
    public const int ChromiumCleanupFailed = 4002;

    public const int BackupWritten = 5000;
    public const int BackupRestored = 5001;

    public const int VictimErased = 6000;
    public const int RetentionPurged = 6001;

    public const int SignInFailed = 7000;
    public const int SignInLockedOut = 7001;
    public const int SignedIn = 7002;
    public const int SignedOut = 7003;
    public const int AccessTokenCreated = 7010;
    public const int AccessTokenRevoked = 7011;
    public const int AccessTokenRefused = 7012;
    public const int AccessTokenNotConfirmed = 7013;
    public const int PasskeyAdded = 7020;
    public const int PasskeyRemoved = 7021;
    public const int PasskeyNotConfirmed = 7022;

    public const int DatabaseMigrated = 8000;
    public const int PlatformsSeeded = 8001;

    public const int LocationChecksRun = 9000;
    public const int LocationCheckDropped = 9001;
    public const int LocationCheckRefused = 9002;
}
