using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TakedownDesk.Domain.Alerts;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Infrastructure.Persistence.Configurations;

internal sealed class EscalationStepConfiguration : IEntityTypeConfiguration<EscalationStep>
{
    public void Configure(EntityTypeBuilder<EscalationStep> builder)
    {
        builder.ToTable("EscalationSteps");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ClaimedBy).HasMaxLength(200);
        builder.Property(s => s.LastError).HasMaxLength(2000);

        // A worker whose lease ran out and was re-claimed must not be able to save the step.
        builder.Property(s => s.ClaimToken).IsConcurrencyToken();
        builder.HasOne<RemovalRequest>().WithMany().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);

        // The sweep: "pending or claimed, next run at or before now, earliest first" reads this partial index in order
        // and stops after the batch, however many finished rows the table holds. The filter is portable SQL.
        builder.HasIndex(s => s.NextRunAtUtc).HasFilter("\"State\" IN ('Pending', 'Claimed')").HasDatabaseName("IX_EscalationSteps_Due");
        builder.HasIndex(s => s.RequestId);
        builder.Ignore(s => s.IsPending);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Key).HasMaxLength(200);
        builder.HasIndex(m => m.Key).IsUnique();
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.MessageId).HasMaxLength(100);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.LockToken).IsConcurrencyToken();
        builder.HasIndex(m => m.NextAttemptAtUtc).HasFilter("\"State\" IN ('Pending', 'Failed')").HasDatabaseName("IX_OutboxMessages_Due");
        builder.Ignore(m => m.IsDispatchable);
        builder.Ignore(m => m.IsSealed);
        builder.Ignore(m => m.PlainContent);
        builder.OwnsMany(m => m.Attachments, attachment =>
        {
            attachment.ToTable("OutboxAttachments");
            attachment.WithOwner().HasForeignKey("OutboxMessageId");
            attachment.Property<int>("Id");
            attachment.HasKey("Id");
            attachment.Property(a => a.FileName).HasMaxLength(255);
            attachment.Property(a => a.ContentType).HasMaxLength(100);
        });
        builder.Navigation(m => m.Attachments).HasField("attachments");
    }
}

internal sealed class StaffAlertConfiguration : IEntityTypeConfiguration<StaffAlert>
{
    public void Configure(EntityTypeBuilder<StaffAlert> builder)
    {
        builder.ToTable("StaffAlerts");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Key).HasMaxLength(200);
        builder.HasIndex(a => a.Key).IsUnique();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.StaffId).HasMaxLength(200);
        builder.Property(a => a.CaseReference).HasMaxLength(50);
        builder.Property(a => a.RequestReference).HasMaxLength(50);
        builder.Property(a => a.PlatformName).HasMaxLength(200);
        builder.Property(a => a.Status).HasMaxLength(30);
        builder.Property(a => a.Detail).HasMaxLength(1000);
        builder.HasOne<RemovalRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.RequestId);

        // The coalescer reads only the waiting alerts, oldest first.
        builder.HasIndex(a => a.CreatedAtUtc).HasFilter("\"OutboxMessageId\" IS NULL").HasDatabaseName("IX_StaffAlerts_Waiting");
    }
}
