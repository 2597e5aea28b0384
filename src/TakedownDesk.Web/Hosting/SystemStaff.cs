using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.Web.Hosting;

/// <summary>The actor for command-line and scheduled work, which runs with no signed-in staff member.</summary>
public sealed class SystemStaff(TimeProvider time) : ICurrentStaff
{
    public string Id => TakedownDeskDbContext.SystemActor;

    public bool SeesAllCases => true;

    public DateTime NowUtc => time.UtcNow();
}
