using Microsoft.EntityFrameworkCore;

namespace TakedownDesk.Application.Common;

/// <summary>
/// A named lock held until the current transaction ends, one holder at a time across every app instance. SQLite needs
/// none: its transactions begin IMMEDIATE, one writer at a time.
/// </summary>
public sealed record TransactionLock(long Key, string Resource)
{
    /// <summary>The audit chain cannot fork: one sealer at a time, on whichever instance (appending takes no lock).</summary>
    public static readonly TransactionLock AuditSealing = new(7_240_613_001, "TakedownDesk.AuditSealing");

    /// <summary>Case numbers are the year's highest plus one: one opening at a time takes its number.</summary>
    public static readonly TransactionLock CaseReference = new(7_240_613_002, "TakedownDesk.CaseReference");

    public async Task AcquireAsync(ITakedownDeskDb db, CancellationToken cancellationToken)
    {
        switch (db.Database.ProviderName)
        {
            case "Npgsql.EntityFrameworkCore.PostgreSQL":
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [Key], cancellationToken);
                break;
            case "Microsoft.EntityFrameworkCore.SqlServer":
                await db.Database.ExecuteSqlRawAsync(
                    "EXEC sp_getapplock @Resource = {0}, @LockMode = 'Exclusive', @LockOwner = 'Transaction'", [Resource], cancellationToken);
                break;
            default:
                break;
        }
    }
}
