using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Infrastructure.Persistence.Configurations;

internal sealed class RemovalRequestConfiguration : IEntityTypeConfiguration<RemovalRequest>
{
    public void Configure(EntityTypeBuilder<RemovalRequest> builder)
    {
        builder.ToTable("RemovalRequests");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(r => r.Reference).HasMaxLength(30);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Platform>().WithMany().HasForeignKey(r => r.PlatformId).OnDelete(DeleteBehavior.Restrict);

        // The deadline board and the escalation sweep ask "open requests due before T": one range scan.
        builder.HasIndex(r => new { r.DeadlineAtUtc, r.Status });
        // The deadline board reads the few open requests; resolved ones keep their deadline and are most of the table.
        // By deadline for staff who see every case; by case for a caseworker's board, which starts from their cases.
        const string Open = "\"Status\" IN ('Submitted', 'Acknowledged', 'Overdue')";
        builder.HasIndex(r => r.DeadlineAtUtc).HasFilter(Open).HasDatabaseName("IX_RemovalRequests_OpenDeadlines");
        builder.HasIndex(r => new { r.CaseId, r.DeadlineAtUtc }).HasFilter(Open).HasDatabaseName("IX_RemovalRequests_OpenDeadlinesByCase");
        builder.HasIndex(r => r.PlatformId);
        // Every request of a case (the case page). Declared, because EF Core takes the partial index above for the
        // foreign key's index and drops its own, and a partial index cannot answer for resolved requests.
        builder.HasIndex(r => r.CaseId);

        builder.Property(r => r.PlatformRequestNumber).HasMaxLength(200);

        // The signer and contact are often the victim (when they sign themselves); the statements and the platform's
        // dispute reason are free text. All sealed with the victim's key (FieldProtection), each value object as one JSON value.
        builder.Ignore(r => r.Signature);
        builder.Property<byte[]?>("SignatureCipher").HasColumnName("Signature");
        builder.Ignore(r => r.Contact);
        builder.Property<byte[]?>("ContactCipher").HasColumnName("Contact");
        builder.Ignore(r => r.GoodFaithStatement);
        builder.Property<byte[]?>("GoodFaithStatementCipher").HasColumnName("GoodFaithStatement");
        builder.Ignore(r => r.SupportingFacts);
        builder.Property<byte[]?>("SupportingFactsCipher").HasColumnName("SupportingFacts");
        builder.Ignore(r => r.DisputeReason);
        builder.Property<byte[]?>("DisputeReasonCipher").HasColumnName("DisputeReason");

        // The kind fields name the victim (model names, search queries) or are free text: sealed the same way, one JSON value per kind.
        builder.Ignore(r => r.ModelReport);
        builder.Property<byte[]?>("ModelReportCipher").HasColumnName("ModelReport");
        builder.Ignore(r => r.SearchDelisting);
        builder.Property<byte[]?>("SearchDelistingCipher").HasColumnName("SearchDelisting");
        builder.Ignore(r => r.TrainingOptOut);
        builder.Property<byte[]?>("TrainingOptOutCipher").HasColumnName("TrainingOptOut");
        builder.Ignore(r => r.FaceSearchOptOut);
        builder.Property<byte[]?>("FaceSearchOptOutCipher").HasColumnName("FaceSearchOptOut");

        builder.OwnsOne(r => r.Submission, submission =>
        {
            submission.Property(s => s.Channel).HasColumnName("SubmissionChannel").HasConversion<string>().HasMaxLength(20);
            submission.Property(s => s.ChannelTarget).HasColumnName("SubmissionChannelTarget").HasMaxLength(2000);
            submission.Property(s => s.WhyDesignated).HasColumnName("SubmissionWhyDesignated").HasMaxLength(1000);
            submission.Property(s => s.SubmittedAtUtc).HasColumnName("SubmittedAtUtc");
            submission.Property(s => s.SubmittedBy).HasColumnName("SubmittedBy").HasMaxLength(100);
            submission.Property(s => s.ConfirmationNumber).HasColumnName("SubmissionConfirmationNumber").HasMaxLength(200);
            submission.Property(s => s.MessageId).HasColumnName("SubmissionMessageId").HasMaxLength(998);
            submission.Property(s => s.RecordedReceiptAtUtc).HasColumnName("RecordedReceiptAtUtc");
            submission.Ignore(s => s.ReceivedAtUtc);
        });

        builder.HasMany(r => r.Items).WithOne().HasForeignKey("RemovalRequestId").OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.MissingElements);
        builder.Ignore(r => r.IsOpen);
    }
}

internal sealed class RequestItemConfiguration : IEntityTypeConfiguration<RequestItem>
{
    public void Configure(EntityTypeBuilder<RequestItem> builder)
    {
        builder.ToTable("RequestItems");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(i => i.LocationId);
    }
}
