using Microsoft.Extensions.Options;
using TakedownDesk.Application.Ports;

namespace TakedownDesk.Infrastructure.Staff;

/// <summary>Reads staff from configuration (re-read on change). The Identity work will replace this with the user store.</summary>
public sealed class ConfigurationStaffDirectory(IOptionsMonitor<StaffOptions> options) : IStaffDirectory
{
    public Task<StaffContact?> GetAsync(string staffId, CancellationToken cancellationToken) =>
        Task.FromResult(All().FirstOrDefault(s => string.Equals(s.Id, staffId, StringComparison.Ordinal)));

    public Task<IReadOnlyList<StaffContact>> SupervisorsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StaffContact>>(All().Where(s => s.IsSupervisor).ToList());

    public Task<IReadOnlyList<StaffContact>> AllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StaffContact>>(All().ToList());

    private IEnumerable<StaffContact> All() =>
        options.CurrentValue.Members
            .Where(m => !string.IsNullOrWhiteSpace(m.Id) && !string.IsNullOrWhiteSpace(m.Email))
            .Select(m => new StaffContact(
                m.Id,
                m.Email,
                string.IsNullOrWhiteSpace(m.Name) ? m.Id : m.Name,
                m.TimeZone,
                string.Equals(m.Role, "Supervisor", StringComparison.OrdinalIgnoreCase)));
}
