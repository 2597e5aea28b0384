using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TakedownDesk.Domain.Alerts;
using TakedownDesk.Domain.Auditing;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Correspondence;
using TakedownDesk.Domain.Documents;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Prevention;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Application.Common;

/// <summary>The persistence the use cases need; one EF Core context implements it for every provider.</summary>
public interface ITakedownDeskDb
{
    DbSet<Victim> Victims { get; }

    DbSet<Case> Cases { get; }

    DbSet<Platform> Platforms { get; }

    /// <summary>Part of the case aggregate: for set-based claims and reads only; changes go through the case.</summary>
    DbSet<Location> Locations { get; }

    DbSet<LocationCheck> LocationChecks { get; }

    DbSet<RemovalRequest> RemovalRequests { get; }

    DbSet<TimelineEntry> Timeline { get; }

    DbSet<CaseNote> CaseNotes { get; }

    DbSet<CaseTask> CaseTasks { get; }

    DbSet<PhotoSource> PhotoSources { get; }

    DbSet<HashMatchingCase> HashMatchingCases { get; }

    DbSet<EscalationStep> EscalationSteps { get; }

    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<StaffAlert> StaffAlerts { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<AuditCheckpoint> AuditCheckpoints { get; }

    DbSet<ErasureRecord> Erasures { get; }

    DbSet<GeneratedDocument> Documents { get; }

    DbSet<FollowUpNotice> FollowUps { get; }

    DbSet<FtcReport> FtcReports { get; }

    DbSet<InboundEmail> InboundEmails { get; }

    DatabaseFacade Database { get; }

    /// <summary>For the query pipeline's choice of tracking (ReadOnlyQueryBehaviour); use cases do not touch it.</summary>
    ChangeTracker ChangeTracker { get; }

    /// <summary>The facts the tracked aggregates stated since the last call, taken off them (see DomainFactDispatcher).</summary>
    IReadOnlyList<IDomainFact> TakePendingFacts();

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
