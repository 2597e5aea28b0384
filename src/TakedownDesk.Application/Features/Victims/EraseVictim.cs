using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Application.Features.Victims;

/// <summary>On the victim's request: erase the victim of this case, with every case, location and request held for them.</summary>
public sealed record EraseVictimCommand(Guid CaseId, ErasureReason Reason) : ICommand<ErasureResult>;

public sealed record ErasureResult(Guid ErasureId, int Cases, int Locations, int Requests);

public sealed class EraseVictimValidator : AbstractValidator<EraseVictimCommand>
{
    public EraseVictimValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.Reason).IsInEnum();
    }
}

public sealed partial class EraseVictimHandler(ITakedownDeskDb db, IVictimKeys keys, ICurrentStaff staff, TimeProvider time, ILogger<EraseVictimHandler> logger)
    : ICommandHandler<EraseVictimCommand, ErasureResult>
{
    public async ValueTask<ErasureResult> Handle(EraseVictimCommand command, CancellationToken cancellationToken)
    {
        // A projection, not the aggregate: erasure must work even when the fields can no longer be decrypted.
        var victimId = await db.Cases.VisibleTo(staff).Where(c => c.Id == command.CaseId).Select(c => (Guid?)c.VictimId)
                           .SingleOrDefaultAsync(cancellationToken)
                       ?? throw new NotFoundException("Case", command.CaseId);
        var onHold = await db.Cases.AnyAsync(c => c.VictimId == victimId && c.LegalHold, cancellationToken);
        if (new CaseOnLegalHoldCannotBeErased(onHold) is var rule && rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }

        var record = await VictimErasure.EraseAsync(db, keys, victimId, command.Reason, staff.Id, time.UtcNow(), cancellationToken);
        LogErased(record.Id, record.Cases, record.Locations, record.Requests);
        return new ErasureResult(record.Id, record.Cases, record.Locations, record.Requests);
    }

    [LoggerMessage(EventId = LogEvents.VictimErased, Level = LogLevel.Information, Message = "Erasure {ErasureId}: data key destroyed, {Cases} case(s), {Locations} location(s), {Requests} request(s) deleted")]
    private partial void LogErased(Guid erasureId, int cases, int locations, int requests);
}
