using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Auditing;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Victims;
using TakedownDesk.Infrastructure.Protection;

namespace TakedownDesk.Infrastructure.Persistence;

/// <summary>The one context for every provider; provider differences live in the migrations projects only.</summary>
public sealed class TakedownDeskDbContext(DbContextOptions<TakedownDeskDbContext> options, ICurrentStaff? staff = null, FieldProtection? protection = null)
    : DbContext(options), ITakedownDeskDb
{
    public const string SystemActor = "system";

    /// <summary>Seals and opens the encrypted fields of this context's entities (absent at design time).</summary>
    public FieldProtection? Protection => protection;

    public DbSet<Victim> Victims => Set<Victim>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<Platform> Platforms => Set<Platform>();

    public DbSet<RemovalRequest> RemovalRequests => Set<RemovalRequest>();

    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ErasureRecord> Erasures => Set<ErasureRecord>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        WriteTimelineAndRenewStamps();
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        WriteTimelineAndRenewStamps();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Ignore<CaseEvent>();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TakedownDeskDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private void WriteTimelineAndRenewStamps()
    {
        // First, so that a change to an encrypted field marks its aggregate modified and renews the stamp below.
        protection?.Protect(ChangeTracker);
        var actor = staff?.Id ?? SystemActor;
        foreach (var entry in ChangeTracker.Entries<AggregateRoot>().ToList())
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
