using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;
using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.Infrastructure.Staff;

/// <summary>
/// Who receives alerts and digests: every staff account in the identity store, plus any extra recipients listed
/// in configuration ("Staff:Members", e.g. a shared on-call mailbox). An account wins over a listed entry with its id.
/// </summary>
public sealed class StaffDirectory(TakedownDeskDbContext db, IOptionsMonitor<StaffOptions> options) : IStaffDirectory
{
    public async Task<StaffContact?> GetAsync(string staffId, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(s => string.Equals(s.Id, staffId, StringComparison.Ordinal));

    public async Task<IReadOnlyList<StaffContact>> SupervisorsAsync(CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).Where(s => s.IsSupervisor).ToList();

    public async Task<IReadOnlyList<StaffContact>> AllAsync(CancellationToken cancellationToken)
    {
        var supervisorIds = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == StaffRoles.Supervisor
                select userRole.UserId)
            .ToListAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.Email != null && u.DisabledAtUtc == null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.TimeZoneId })
            .ToListAsync(cancellationToken);
        var contacts = accounts
            .Select(u => new StaffContact(u.Id, u.Email!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email! : u.DisplayName, u.TimeZoneId, supervisorIds.Contains(u.Id)))
            .ToList();
        contacts.AddRange(Configured().Where(c => contacts.TrueForAll(a => a.Id != c.Id)));
        return contacts;
    }

    private IEnumerable<StaffContact> Configured() =>
        options.CurrentValue.Members
            .Where(m => !string.IsNullOrWhiteSpace(m.Id) && !string.IsNullOrWhiteSpace(m.Email))
            .Select(m => new StaffContact(
                m.Id,
                m.Email,
                string.IsNullOrWhiteSpace(m.Name) ? m.Id : m.Name,
                m.TimeZone,
                string.Equals(m.Role, StaffRoles.Supervisor, StringComparison.OrdinalIgnoreCase)));
}
