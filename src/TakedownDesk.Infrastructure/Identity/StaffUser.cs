using Microsoft.AspNetCore.Identity;

namespace TakedownDesk.Infrastructure.Identity;

/// <summary>A staff account. <see cref="LastTotpTimeStep"/> makes each authenticator code usable once.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public string TimeZoneId { get; set; } = "UTC";

    public long LastTotpTimeStep { get; set; }

    /// <summary>Set by an administrator: no sign-in, no session, no token works while it is set.</summary>
    public DateTime? DisabledAtUtc { get; set; }

    /// <summary>The password was set by someone else (the CLI's one-time password, an administrator): it must be changed first.</summary>
    public bool MustChangePassword { get; set; }
}
