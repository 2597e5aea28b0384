using System.Net;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Web.Security;

/// <summary>
/// Sign-in and token events for operations: the staff user id when the account exists and the client's address (after
/// trusted proxies), never what was typed, never a token or a name.
/// </summary>
public static partial class SignInLog
{
    [LoggerMessage(EventId = LogEvents.SignInFailed, Level = LogLevel.Warning, Message = "Sign-in failed at the {Step} step for staff user {StaffUserId} from {ClientAddress}")]
    public static partial void Failed(ILogger logger, string step, string staffUserId, IPAddress? clientAddress);

    [LoggerMessage(EventId = LogEvents.SignInFailed, Level = LogLevel.Warning, Message = "Sign-in failed at the password step for an unknown account from {ClientAddress}")]
    public static partial void UnknownAccount(ILogger logger, IPAddress? clientAddress);

    [LoggerMessage(EventId = LogEvents.SignInLockedOut, Level = LogLevel.Warning, Message = "Staff user {StaffUserId} is locked out after repeated sign-in failures (last from {ClientAddress})")]
    public static partial void LockedOut(ILogger logger, string staffUserId, IPAddress? clientAddress);

    [LoggerMessage(EventId = LogEvents.SignedIn, Level = LogLevel.Information, Message = "Staff user {StaffUserId} signed in with {Step} from {ClientAddress}")]
    public static partial void SignedIn(ILogger logger, string staffUserId, string step, IPAddress? clientAddress);

    [LoggerMessage(EventId = LogEvents.SignedOut, Level = LogLevel.Information, Message = "Staff user {StaffUserId} signed out from {ClientAddress}")]
    public static partial void SignedOut(ILogger logger, string staffUserId, IPAddress? clientAddress);

    [LoggerMessage(EventId = LogEvents.AccessTokenCreated, Level = LogLevel.Information, Message = "Staff user {StaffUserId} created access token {TokenId} ({Scope}) from {ClientAddress}")]
    public static partial void TokenCreated(ILogger logger, string staffUserId, Guid tokenId, AccessTokenScope scope, IPAddress? clientAddress);

    [LoggerMessage(EventId = LogEvents.AccessTokenNotConfirmed, Level = LogLevel.Warning, Message = "Staff user {StaffUserId} was not confirmed (password or code) creating an access token from {ClientAddress}")]
    public static partial void TokenNotConfirmed(ILogger logger, string staffUserId, IPAddress? clientAddress);

    [LoggerMessage(EventId = LogEvents.AccessTokenRevoked, Level = LogLevel.Information, Message = "Staff user {StaffUserId} revoked access token {TokenId} from {ClientAddress}")]
    public static partial void TokenRevoked(ILogger logger, string staffUserId, Guid tokenId, IPAddress? clientAddress);

    [LoggerMessage(EventId = LogEvents.AccessTokenRefused, Level = LogLevel.Warning, Message = "An access token was refused ({Reason}) from {ClientAddress}")]
    public static partial void TokenRefused(ILogger logger, string reason, IPAddress? clientAddress);

    [LoggerMessage(EventId = LogEvents.PasskeyAdded, Level = LogLevel.Information, Message = "Staff user {StaffUserId} added a passkey from {ClientAddress}")]
    public static partial void PasskeyAdded(ILogger logger, string staffUserId, IPAddress? clientAddress);

    [LoggerMessage(EventId = LogEvents.PasskeyRemoved, Level = LogLevel.Information, Message = "Staff user {StaffUserId} removed a passkey from {ClientAddress}")]
    public static partial void PasskeyRemoved(ILogger logger, string staffUserId, IPAddress? clientAddress);

    [LoggerMessage(EventId = LogEvents.PasskeyNotConfirmed, Level = LogLevel.Warning, Message = "Staff user {StaffUserId} was not confirmed (password or code) adding a passkey from {ClientAddress}")]
    public static partial void PasskeyNotConfirmed(ILogger logger, string staffUserId, IPAddress? clientAddress);
}
