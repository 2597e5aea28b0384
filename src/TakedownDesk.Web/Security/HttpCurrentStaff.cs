using System.Security.Claims;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Web.Security;

/// <summary>The signed-in staff member of the current HTTP request (cookie or personal access token).</summary>
/// <remarks>Reads the user when asked, not when built: the context may be created before authentication has run.</remarks>
public sealed class HttpCurrentStaff(HttpContext http, TimeProvider time) : ICurrentStaff
{
    public string Id => http.User.FindFirstValue(ClaimTypes.NameIdentifier)
                        ?? throw new InvalidOperationException("No staff member is signed in.");

    public bool SeesAllCases => http.User.IsInRole(StaffRoles.Supervisor) || http.User.IsInRole(StaffRoles.Administrator);

    public DateTime NowUtc => time.UtcNow();
}
