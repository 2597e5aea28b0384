namespace TakedownDesk.Application.Common;

/// <summary>The three roles. Supervisors and administrators see every case; only administrators manage accounts and the platform directory.</summary>
public static class StaffRoles
{
    public const string Caseworker = "caseworker";
    public const string Supervisor = "supervisor";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All = [Caseworker, Supervisor, Administrator];

    public static bool SeesAllCases(string role) => role is Supervisor or Administrator;
}
