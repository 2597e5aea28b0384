namespace TakedownDesk.Application.Ports;

/// <summary>Who the staff are and how to reach them. Configuration-backed for now; the Identity user store will replace it.</summary>
public interface IStaffDirectory
{
    Task<StaffContact?> GetAsync(string staffId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffContact>> SupervisorsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffContact>> AllAsync(CancellationToken cancellationToken);
}

public sealed record StaffContact(string Id, string Email, string DisplayName, string TimeZoneId, bool IsSupervisor)
{
    public TimeZoneInfo TimeZone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}
