using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Correspondence;

/// <summary>
/// The highest UID already taken in from a mailbox under its current UIDVALIDITY (0: none). The reader takes messages in
/// UID order and stops at the first failure, so everything at or below it has been taken in.
/// </summary>
public sealed record GetMailboxWatermarkQuery(string Mailbox, long UidValidity) : IQuery<long>;

public sealed class GetMailboxWatermarkValidator : AbstractValidator<GetMailboxWatermarkQuery>
{
    public GetMailboxWatermarkValidator() => RuleFor(q => q.Mailbox).NotEmpty().MaximumLength(300);
}

public sealed class GetMailboxWatermarkHandler(ITakedownDeskDb db) : IQueryHandler<GetMailboxWatermarkQuery, long>
{
    public async ValueTask<long> Handle(GetMailboxWatermarkQuery query, CancellationToken cancellationToken) =>
        await db.InboundEmails
            .Where(e => e.Mailbox == query.Mailbox && e.UidValidity == query.UidValidity)
            .MaxAsync(e => (long?)e.Uid, cancellationToken) ?? 0;
}
