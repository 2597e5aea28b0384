using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Requests;

/// <summary>
/// Staff sent the request through the platform's channel. The submission time is the server's clock; an earlier
/// receipt staff can prove may be recorded, and only shortens the clock.
/// </summary>
public sealed record SubmitRemovalRequestCommand(
    Guid RequestId,
    ChannelKind Channel,
    string? ChannelTarget,
    string WhyDesignated,
    string? ConfirmationNumber,
    string? MessageId,
    DateTimeOffset? RecordedReceiptAt,
    Guid? ExpectedConcurrencyStamp,
    DateTimeOffset? SubmittedAt = null) : ICommand<SubmittedRequest>;

public sealed record SubmittedRequest(Guid RequestId, DateTime SubmittedAtUtc, DateTime? DeadlineAtUtc);

public sealed class SubmitRemovalRequestValidator : AbstractValidator<SubmitRemovalRequestCommand>
{
    public SubmitRemovalRequestValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.ChannelTarget).MaximumLength(2000).SingleLine();
        RuleFor(c => c.WhyDesignated).NotEmpty().MaximumLength(1000)
            .WithMessage("Say why this channel is the platform's designated process (it decides when the clock starts).");
        RuleFor(c => c.ConfirmationNumber).MaximumLength(200);
        RuleFor(c => c.MessageId).MaximumLength(998);
    }
}

public sealed class SubmitRemovalRequestHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time)
    : ICommandHandler<SubmitRemovalRequestCommand, SubmittedRequest>
{
    public async ValueTask<SubmittedRequest> Handle(SubmitRemovalRequestCommand command, CancellationToken cancellationToken)
    {
        var (request, @case) = await db.LoadRequestAsync(command.RequestId, staff, cancellationToken);
        ConcurrencyStamp.EnsureUnchanged(request, command.ExpectedConcurrencyStamp);
        var victim = await db.LoadVictimAsync(@case.VictimId, cancellationToken);
        var coverage = await db.Platforms.Where(p => p.Id == request.PlatformId).Select(p => p.Coverage).SingleAsync(cancellationToken);
        var now = time.UtcNow();
        // When staff sent it, as they say (default now): the clock measures the platform, not when the form was filled in.
        var submittedAt = command.SubmittedAt?.UtcDateTime ?? now;
        request.Submit(
            new Submission(
                command.Channel,
                command.ChannelTarget?.Trim(),
                command.WhyDesignated.Trim(),
                submittedAt,
                staff.Id,
                command.ConfirmationNumber?.Trim(),
                command.MessageId?.Trim(),
                command.RecordedReceiptAt?.UtcDateTime),
            victim,
            coverage,
            now);
        return new SubmittedRequest(request.Id, submittedAt, request.DeadlineAtUtc);
    }
}
