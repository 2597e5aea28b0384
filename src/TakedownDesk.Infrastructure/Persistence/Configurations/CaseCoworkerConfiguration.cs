using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Infrastructure.Persistence.Configurations;

internal sealed class CaseCoworkerConfiguration : IEntityTypeConfiguration<CaseCoworker>
{
    public void Configure(EntityTypeBuilder<CaseCoworker> builder)
    {
        builder.ToTable("CaseCoworkers");
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.HasOne<Case>().WithMany(c => c.Coworkers).HasForeignKey(w => w.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(w => w.StaffId).HasMaxLength(100);
        builder.Property(w => w.AddedBy).HasMaxLength(100);
        builder.Property(w => w.Reason).HasConversion<string>().HasMaxLength(20);

        // Every caseworker's access check asks "which cases am I a co-worker on, and until when".
        builder.HasIndex(w => new { w.StaffId, w.EndsAtUtc });
    }
}
