using TakedownDesk.Application.Common;

namespace TakedownDesk.Web.Cli;

/// <summary>Backup and restore events for operations; file names stay on the console, out of the logs.</summary>
public static partial class OperationsLog
{
    [LoggerMessage(EventId = LogEvents.BackupWritten, Level = LogLevel.Information, Message = "Case database backed up ({Bytes} bytes)")]
    public static partial void BackupWritten(ILogger logger, long bytes);

    [LoggerMessage(EventId = LogEvents.BackupRestored, Level = LogLevel.Warning, Message = "Case database restored from a backup (previous database kept: {Kept})")]
    public static partial void BackupRestored(ILogger logger, bool kept);
}
