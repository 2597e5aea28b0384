using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Staff;

namespace TakedownDesk.Web.Security;

/// <summary>Logs what happened to a token request, for the API and the Tokens page alike.</summary>
public static class AccessTokenEvents
{
    private const string Category = "TakedownDesk.Security.AccessTokens";

    public static AccessTokenCreation Logged(AccessTokenCreation creation, ICurrentStaff staff, HttpContext http, ILoggerFactory logs)
    {
        var logger = logs.CreateLogger(Category);
        if (creation.Token is { } token)
        {
            SignInLog.TokenCreated(logger, staff.Id, token.Id, token.Scope, http.Connection.RemoteIpAddress);
        }
        else
        {
            SignInLog.TokenNotConfirmed(logger, staff.Id, http.Connection.RemoteIpAddress);
        }

        return creation;
    }

    public static void Revoked(Guid tokenId, ICurrentStaff staff, HttpContext http, ILoggerFactory logs)
    {
        var logger = logs.CreateLogger(Category);
        SignInLog.TokenRevoked(logger, staff.Id, tokenId, http.Connection.RemoteIpAddress);
    }
}
