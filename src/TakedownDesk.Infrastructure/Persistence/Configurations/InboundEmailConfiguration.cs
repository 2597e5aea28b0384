using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TakedownDesk.Domain.Correspondence;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Infrastructure.Persistence.Configurations;

internal sealed class InboundEmailConfiguration : IEntityTypeConfiguration<InboundEmail>
{
    public void Configure(EntityTypeBuilder<InboundEmail> builder)
    {
        builder.ToTable("InboundEmails");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(e => e.Mailbox).HasMaxLength(300);

        // Exactly once: a message is one row, whichever instance read it first and however often it is read again.
        builder.HasIndex(e => new { e.Mailbox, e.UidValidity, e.Uid }).IsUnique();
        builder.Property(e => e.MessageId).HasMaxLength(500);
        builder.Property(e => e.SenderDomain).HasMaxLength(255);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.MatchedBy).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Suggestion).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ConfirmedMeaning).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.SuggestedRequestNumber).HasMaxLength(200);
        builder.Property(e => e.HandledBy).HasMaxLength(200);
        builder.HasOne<RemovalRequest>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.RequestId);

        // The inbox queue reads only the waiting messages.
        builder.HasIndex(e => e.DateUtc).HasFilter("\"State\" = 'Unmatched'").HasDatabaseName("IX_InboundEmails_Queue");
    }
}
