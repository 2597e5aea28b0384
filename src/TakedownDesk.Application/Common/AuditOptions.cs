namespace TakedownDesk.Application.Common;

/// <summary>Configuration section "Audit": how soon entries are sealed into the chain and how often its head is signed.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>How long the sealer waits after a commit before sealing, so that entries of a busy moment seal together.</summary>
    public int SealDelayMilliseconds { get; set; } = 200;

    /// <summary>How often the sealer looks for entries written by other instances, whose commits it is not told of.</summary>
    public int SealIntervalSeconds { get; set; } = 5;

    /// <summary>The most entries sealed in one transaction.</summary>
    public int SealBatchSize { get; set; } = 1000;

    /// <summary>A signed checkpoint after this many newly sealed entries …</summary>
    public int CheckpointEveryEntries { get; set; } = 1000;

    /// <summary>… or once this many minutes have passed since the last one, whichever comes first.</summary>
    public int CheckpointEveryMinutes { get; set; } = 10;
}
