namespace TakedownDesk.Infrastructure.Staff;

/// <summary>Configuration section "Staff": a list of staff members until the Identity user store replaces it.</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    public List<StaffMemberOptions> Members { get; set; } = [];
}

public sealed class StaffMemberOptions
{
    public string Id { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>An IANA (or Windows) time zone id, e.g. America/New_York.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>"Caseworker" or "Supervisor".</summary>
    public string Role { get; set; } = "Caseworker";
}
