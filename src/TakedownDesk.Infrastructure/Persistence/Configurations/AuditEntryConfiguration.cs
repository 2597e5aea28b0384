using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TakedownDesk.Domain.Auditing;

namespace TakedownDesk.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Sequence);

        // Assigned by the chain, not the database: the sequence is part of the hashed fields, and a second writer
        // computing the same next number fails on the key instead of forking the chain.
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.ActorId).HasMaxLength(100);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.CaseId);
    }
}
