using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Application.Features.LocationChecks;

/// <summary>Configuration section "LocationChecks": how often locations are checked and how far one check may go.</summary>
public sealed class LocationCheckOptions
{
    public const string Section = "LocationChecks";

    /// <summary>Run the checks in this process (with scheduling on); the switch per case still applies.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan LiveInterval { get; set; } = LocationCheckSchedule.Default.WhileLive;

    public TimeSpan ConfirmInterval { get; set; } = LocationCheckSchedule.Default.ToConfirm;

    public TimeSpan RemovedInterval { get; set; } = LocationCheckSchedule.Default.WhileRemoved;

    public TimeSpan InconclusiveInterval { get; set; } = LocationCheckSchedule.Default.AfterInconclusive;

    /// <summary>How long the loop sleeps when nothing is due.</summary>
    public int PollIntervalSeconds { get; set; } = 60;

    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claimed check holds before a crashed worker's check runs again.</summary>
    public int ClaimLeaseSeconds { get; set; } = 300;

    /// <summary>Longest one check may take, every redirect hop included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Redirects followed before the check gives up (each hop's address is checked again).</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>At most this much of an HTML page's body is read (and thrown away); images are never read.</summary>
    public int MaxBodyBytes { get; set; } = 4096;

    /// <summary>Least time between two requests to one host, so a case with many URLs on one site does not hammer it.</summary>
    public TimeSpan PerHostInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Tests only: lets checks reach 127.0.0.1 / ::1, where the tests run their web server. Never in production.</summary>
    public bool AllowLoopbackForTests { get; set; }

    /// <summary>Sent as the User-Agent, so a platform can see who asks.</summary>
    public string UserAgent { get; set; } = "TakedownDesk-LocationCheck/1.0";

    public LocationCheckSchedule Schedule => new(LiveInterval, ConfirmInterval, RemovedInterval, InconclusiveInterval);
}
