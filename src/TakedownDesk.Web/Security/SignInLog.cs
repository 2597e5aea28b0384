using TakedownDesk.Application.Common;

namespace TakedownDesk.Web.Security;

/// <summary>Sign-in events for operations: the staff user id when the account exists, never what was typed.</summary>
public static partial class SignInLog
{
    [LoggerMessage(EventId = LogEvents.SignInFailed, Level = LogLevel.Warning, Message = "Sign-in failed at the {Step} step for staff user {StaffUserId}")]
    public static partial void Failed(ILogger logger, string step, string staffUserId);

    [LoggerMessage(EventId = LogEvents.SignInFailed, Level = LogLevel.Warning, Message = "Sign-in failed at the password step for an unknown account")]
    public static partial void UnknownAccount(ILogger logger);

    [LoggerMessage(EventId = LogEvents.SignInLockedOut, Level = LogLevel.Warning, Message = "Staff user {StaffUserId} is locked out after repeated sign-in failures")]
    public static partial void LockedOut(ILogger logger, string staffUserId);
}
