using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Infrastructure.Persistence.Configurations;

internal sealed class FollowUpNoticeConfiguration : IEntityTypeConfiguration<FollowUpNotice>
{
    public void Configure(EntityTypeBuilder<FollowUpNotice> builder)
    {
        builder.ToTable("FollowUpNotices");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<RemovalRequest>().WithMany().HasForeignKey(f => f.RequestId).OnDelete(DeleteBehavior.Cascade);

        // One follow-up per level of a request: a step that runs twice cannot draft a second.
        builder.HasIndex(f => new { f.RequestId, f.Level }).IsUnique();
        builder.HasIndex(f => f.CaseId);
        builder.HasIndex(f => f.OutboxMessageId);
        builder.Property(f => f.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Target).HasMaxLength(2000);
        builder.Property(f => f.Instructions).HasMaxLength(4000);
        builder.Property(f => f.SentBy).HasMaxLength(100);
        builder.Property(f => f.Evidence).HasMaxLength(500);
        builder.Ignore(f => f.IsAwaitingSend);
    }
}

internal sealed class FtcReportConfiguration : IEntityTypeConfiguration<FtcReport>
{
    public void Configure(EntityTypeBuilder<FtcReport> builder)
    {
        builder.ToTable("FtcReports");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<RemovalRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);

        // One pack per request: the step that prepares it runs exactly once, and this backs that up.
        builder.HasIndex(r => r.RequestId).IsUnique();
        builder.HasIndex(r => r.CaseId);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.RefusalReason).HasMaxLength(1000);
        builder.Property(r => r.FtcReferenceNumber).HasMaxLength(100);
        builder.Property(r => r.FiledBy).HasMaxLength(100);

        // The zipped notices name the victim and the content's locations (FieldProtection).
        builder.Ignore(r => r.NoticesZipBase64);
        builder.Property<byte[]>("NoticesZipCipher").HasColumnName("NoticesZip");
    }
}
