using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TakedownDesk.Domain.Auditing;

namespace TakedownDesk.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");

        // The append order comes from the database (identity / autoincrement), so appending takes no lock.
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();

        // Assigned by the sealer: a second sealer computing the same next number fails on this index instead of forking the chain.
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.Property(e => e.ActorId).HasMaxLength(100);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.CaseId);
    }
}
