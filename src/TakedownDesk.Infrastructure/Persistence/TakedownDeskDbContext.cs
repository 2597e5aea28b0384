using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TakedownDesk.Application.Common;
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
using TakedownDesk.Infrastructure.Idempotency;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Infrastructure.Protection;
using TakedownDesk.Infrastructure.Scheduling;

namespace TakedownDesk.Infrastructure.Persistence;

/// <summary>The one context for every provider; provider differences live in the migrations projects only.</summary>
public sealed class TakedownDeskDbContext(
    DbContextOptions<TakedownDeskDbContext> options,
    ICurrentStaff? staff = null,
    FieldProtection? protection = null,
    WorkSignals? signals = null)
    : IdentityDbContext<StaffUser>(options), ITakedownDeskDb, IDataProtectionKeyContext
{
    public const string SystemActor = Application.Common.SystemActor.Id;

    /// <summary>Seals and opens the encrypted fields of this context's entities (absent at design time).</summary>
    public FieldProtection? Protection => protection;

    public DbSet<Victim> Victims => Set<Victim>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();

    public DbSet<CaseTask> CaseTasks => Set<CaseTask>();

    public DbSet<PhotoSource> PhotoSources => Set<PhotoSource>();

    public DbSet<HashMatchingCase> HashMatchingCases => Set<HashMatchingCase>();

    public DbSet<Platform> Platforms => Set<Platform>();

    public DbSet<Location> Locations => Set<Location>();

    public DbSet<LocationCheck> LocationChecks => Set<LocationCheck>();

    public DbSet<RemovalRequest> RemovalRequests => Set<RemovalRequest>();

    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();

    public DbSet<GeneratedDocument> Documents => Set<GeneratedDocument>();

    public DbSet<FollowUpNotice> FollowUps => Set<FollowUpNotice>();

    public DbSet<FtcReport> FtcReports => Set<FtcReport>();

    public DbSet<InboundEmail> InboundEmails => Set<InboundEmail>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<EscalationStep> EscalationSteps => Set<EscalationStep>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<StaffAlert> StaffAlerts => Set<StaffAlert>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<ErasureRecord> Erasures => Set<ErasureRecord>();

    /// <summary>The ASP.NET Core key ring, shared by every instance so a sign-in on one is valid on all; each key is sealed under the master key.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private WorkKinds uncommittedWork;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnsureNoFactIsPending();
        WriteTimelineAndRenewStamps();
        var work = WorkBeingSaved();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if ((work & ~WorkKinds.Audit) != WorkKinds.None && Database.IsNpgsql())
        {
            // Inside a transaction PostgreSQL delivers this at commit, and not at all on a rollback.
            await Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1})", [WorkSignals.Channel, ((int)(work & ~WorkKinds.Audit)).ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken);
        }

        Signal(work);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnsureNoFactIsPending();
        WriteTimelineAndRenewStamps();
        var work = WorkBeingSaved();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        Signal(work);
        return saved;
    }

    /// <summary>Called by <see cref="WorkSignalInterceptor"/> when this context's transaction commits.</summary>
    internal void RaiseCommittedWork()
    {
        signals?.Raise(uncommittedWork);
        uncommittedWork = WorkKinds.None;
    }

    internal void ForgetUncommittedWork() => uncommittedWork = WorkKinds.None;

    private WorkKinds WorkBeingSaved()
    {
        var work = WorkKinds.None;
        foreach (var entry in ChangeTracker.Entries())
        {
            work |= entry switch
            {
                { Entity: EscalationStep step, State: EntityState.Added or EntityState.Modified } when step.IsPending => WorkKinds.Escalations,
                { Entity: OutboxMessage message, State: EntityState.Added or EntityState.Modified } when message.IsDispatchable => WorkKinds.Outbox,
                { Entity: AuditEntry, State: EntityState.Added } => WorkKinds.Audit,
                _ => WorkKinds.None,
            };
        }

        return work;
    }

    private void Signal(WorkKinds work)
    {
        if (Database.CurrentTransaction is null)
        {
            signals?.Raise(work);
        }
        else
        {
            uncommittedWork |= work;
        }
    }

    public IReadOnlyList<IDomainFact> TakePendingFacts()
    {
        var facts = new List<IDomainFact>();
        foreach (var entry in ChangeTracker.Entries<AggregateRoot>().ToList())
        {
            facts.AddRange(entry.Entity.PendingFacts);
            entry.Entity.ClearFacts();
        }

        return facts;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Ignore<CaseEvent>();
        builder.ApplyConfigurationsFromAssembly(typeof(TakedownDeskDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>A fact saved without its reactions would lose what it causes (a submission without its deadline alerts).</summary>
    private void EnsureNoFactIsPending()
    {
        var pending = ChangeTracker.Entries<AggregateRoot>().SelectMany(e => e.Entity.PendingFacts).FirstOrDefault();
        if (pending is not null)
        {
            throw new InvalidOperationException($"A {pending.GetType().Name} fact was not dispatched before saving: send the change as a command, or run DomainFactDispatcher first.");
        }
    }

    private void WriteTimelineAndRenewStamps()
    {
        // First, so that a change to an encrypted field marks its aggregate modified and renews the stamp below.
        protection?.Protect(ChangeTracker);

        // Read the actor only when there is something to attribute: identity writes happen before anyone is signed in.
        var aggregates = ChangeTracker.Entries<AggregateRoot>().ToList();
        if (aggregates.Count == 0)
        {
            return;
        }

        var actor = staff?.Id ?? SystemActor;
        foreach (var entry in aggregates)
        {
            foreach (var caseEvent in entry.Entity.PendingCaseEvents)
            {
                Timeline.Add(new TimelineEntry(caseEvent, actor));
            }

            if (entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && HasChangedParts(entry)))
            {
                entry.Entity.RenewConcurrencyStamp();
            }

            entry.Entity.ClearCaseEvents();
        }
    }

    /// <summary>A change to a child (a new location on a case) is a change to the aggregate, so its stamp must move too.</summary>
    private static bool HasChangedParts(EntityEntry entry) =>
        entry.Navigations.Any(navigation => navigation switch
        {
            CollectionEntry collection => collection.CurrentValue?.Cast<object>().Any(item => collection.FindEntry(item)?.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) == true,
            ReferenceEntry { TargetEntry: { } target } => target.State is EntityState.Added or EntityState.Modified or EntityState.Deleted,
            _ => false,
        });
}
