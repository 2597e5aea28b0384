using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Auditing;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Documents;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Victims;
using TakedownDesk.Infrastructure.Idempotency;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Infrastructure.Protection;

namespace TakedownDesk.Infrastructure.Persistence;

/// <summary>The one context for every provider; provider differences live in the migrations projects only.</summary>
public sealed class TakedownDeskDbContext(
    DbContextOptions<TakedownDeskDbContext> options,
    ICurrentStaff? staff = null,
    IEscalationPolicySource? escalationPolicy = null,
    FieldProtection? protection = null)
    : IdentityDbContext<StaffUser>(options), ITakedownDeskDb, IDataProtectionKeyContext
{
    public const string SystemActor = "system";

    /// <summary>Seals and opens the encrypted fields of this context's entities (absent at design time).</summary>
    public FieldProtection? Protection => protection;

    public DbSet<Victim> Victims => Set<Victim>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<Platform> Platforms => Set<Platform>();

    public DbSet<RemovalRequest> RemovalRequests => Set<RemovalRequest>();

    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();

    public DbSet<GeneratedDocument> Documents => Set<GeneratedDocument>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<EscalationStep> EscalationSteps => Set<EscalationStep>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ErasureRecord> Erasures => Set<ErasureRecord>();

    /// <summary>The ASP.NET Core key ring, shared by every instance so a sign-in on one is valid on all; each key is sealed under the master key.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var closed = WriteFacts();
        if (closed.Count > 0)
        {
            CancelSteps(await EscalationSteps.Where(PendingStepsOf(closed)).ToListAsync(cancellationToken), closed);
        }

        WriteTimelineAndRenewStamps();
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var closed = WriteFacts();
        if (closed.Count > 0)
        {
            CancelSteps([.. EscalationSteps.Where(PendingStepsOf(closed))], closed);
        }

        WriteTimelineAndRenewStamps();
        return base.SaveChanges(acceptAllChangesOnSuccess);
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

    private static System.Linq.Expressions.Expression<Func<EscalationStep, bool>> PendingStepsOf(Dictionary<Guid, DateTime> closed)
    {
        var ids = closed.Keys.ToList();
        return s => ids.Contains(s.RequestId) && (s.State == EscalationState.Pending || s.State == EscalationState.Claimed);
    }

    private static void CancelSteps(List<EscalationStep> steps, Dictionary<Guid, DateTime> closed)
    {
        foreach (var step in steps)
        {
            step.Cancel(closed[step.RequestId]);
        }
    }

    /// <summary>Facts become rows in the same transaction: a submission plans its escalation steps; a closed request's pending steps are cancelled.</summary>
    private Dictionary<Guid, DateTime> WriteFacts()
    {
        var closed = new Dictionary<Guid, DateTime>();
        var policy = escalationPolicy?.Current ?? EscalationPolicy.Default;
        foreach (var entry in ChangeTracker.Entries<AggregateRoot>().ToList())
        {
            foreach (var fact in entry.Entity.PendingFacts)
            {
                switch (fact)
                {
                    case RequestSubmitted submitted:
                        EscalationSteps.AddRange(policy.PlanFor(submitted));
                        break;
                    case RequestClosed requestClosed:
                        closed[requestClosed.RequestId] = requestClosed.ClosedAtUtc;
                        break;
                }
            }

            entry.Entity.ClearFacts();
        }

        return closed;
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
