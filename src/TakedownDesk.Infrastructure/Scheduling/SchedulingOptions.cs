namespace TakedownDesk.Infrastructure.Scheduling;

/// <summary>Configuration section "Scheduling". Tests turn it off and send the commands themselves with a fake clock.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    public bool Enabled { get; set; } = true;

    public int SweepIntervalSeconds { get; set; } = 2;

    public int DispatchIntervalSeconds { get; set; } = 2;

    /// <summary>The digest job only checks whose local 08:00 has come; the outbox key makes it once a day.</summary>
    public int DigestCheckIntervalSeconds { get; set; } = 60;

    /// <summary>How often kept API responses past their 24-hour replay window are deleted.</summary>
    public int ReplayExpiryIntervalSeconds { get; set; } = 60;

    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed escalation step or outbox batch stays claimed; after a crash they run again once this has passed.</summary>
    public int ClaimLeaseSeconds { get; set; } = 300;

    /// <summary>Server databases only: how often each instance records in the Quartz cluster that it is alive.</summary>
    public int ClusterCheckinIntervalSeconds { get; set; } = 5;

    /// <summary>Server databases only: how long past a missed check-in the others wait before taking over a dead instance's jobs.</summary>
    public int ClusterCheckinMisfireThresholdSeconds { get; set; } = 15;

    /// <summary>Creates Quartz's tables when missing (it never drops or alters); turn off when the database account may not create tables.</summary>
    public bool ProvisionSchema { get; set; } = true;
}
