using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Correspondence;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Correspondence;

/// <summary>
/// Staff agree what a platform's reply means (the desk's suggestion, or their own reading) and the desk records it on the
/// request at the e-mail's Date, not at the click: an acknowledgment with the platform's number, every pending location
/// removed or refused, or the platform's request for more information as a validity dispute.
/// </summary>
public sealed record ConfirmReplyCommand(Guid EmailId, ReplyMeaning Meaning, string? PlatformRequestNumber = null) : ICommand<RequestStatus>;

public sealed class ConfirmReplyValidator : AbstractValidator<ConfirmReplyCommand>
{
    public ConfirmReplyValidator()
    {
        RuleFor(c => c.EmailId).NotEmpty();
        RuleFor(c => c.Meaning).IsInEnum().NotEqual(ReplyMeaning.Unclear).WithMessage("Choose what the reply means.");
        RuleFor(c => c.PlatformRequestNumber).MaximumLength(200);
    }
}

public sealed class ConfirmReplyHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<ConfirmReplyCommand, RequestStatus>
{
    public async ValueTask<RequestStatus> Handle(ConfirmReplyCommand command, CancellationToken cancellationToken)
    {
        var email = await db.InboundEmails.SingleOrDefaultAsync(e => e.Id == command.EmailId && e.RequestId != null, cancellationToken)
                    ?? throw new NotFoundException("E-mail", command.EmailId);
        var (request, @case) = await db.LoadRequestAsync(email.RequestId!.Value, staff, cancellationToken);
        var now = time.UtcNow();
        var at = email.DateUtc;
        switch (command.Meaning)
        {
            case ReplyMeaning.Acknowledgment:
                var number = string.IsNullOrWhiteSpace(command.PlatformRequestNumber) ? email.SuggestedRequestNumber : command.PlatformRequestNumber;
                request.RecordAcknowledgment(number ?? string.Empty, at, now);
                break;
            case ReplyMeaning.Removed or ReplyMeaning.Refused:
                var outcome = command.Meaning == ReplyMeaning.Removed ? LocationOutcome.Removed : LocationOutcome.NotRemoved;
                var status = outcome == LocationOutcome.Removed ? LocationStatus.Removed : LocationStatus.Live;
                foreach (var locationId in request.Items.Where(i => i.Outcome == LocationOutcome.Pending).Select(i => i.LocationId).ToList())
                {
                    request.RecordOutcome(locationId, outcome, at, now);
                    @case.ChangeLocationStatus(locationId, status, $"Outcome of request {request.Reference} (platform's e-mail)", now);
                }

                break;
            default:
                request.DisputeValidity($"The platform asked for more information by e-mail of {at:yyyy-MM-dd HH:mm} UTC.", now);
                break;
        }

        email.Confirm(command.Meaning, request.Reference, staff.Id, now);
        return request.Status;
    }
}
