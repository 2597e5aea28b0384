using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>Staff filed the pack at TakeItDown.ftc.gov: the FTC's reference number and when it was filed.</summary>
public sealed record RecordFtcFilingCommand(Guid RequestId, string FtcReferenceNumber, DateTime FiledAtUtc) : ICommand<FtcFilingRecorded>;

public sealed record FtcFilingRecorded(Guid RequestId, Guid CaseId, string FtcReferenceNumber);

public sealed class RecordFtcFilingValidator : AbstractValidator<RecordFtcFilingCommand>
{
    public RecordFtcFilingValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
        RuleFor(c => c.FtcReferenceNumber).NotEmpty().MaximumLength(100);
        RuleFor(c => c.FiledAtUtc).NotEmpty().Must(t => t.Kind == DateTimeKind.Utc).WithMessage("The time must be given in UTC.");
    }
}

public sealed class RecordFtcFilingHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<RecordFtcFilingCommand, FtcFilingRecorded>
{
    public async ValueTask<FtcFilingRecorded> Handle(RecordFtcFilingCommand command, CancellationToken cancellationToken)
    {
        var (request, _) = await db.LoadRequestAsync(command.RequestId, staff, cancellationToken);
        var report = await db.FtcReports.SingleOrDefaultAsync(r => r.RequestId == request.Id, cancellationToken)
                     ?? throw new NotFoundException("FTC report pack of request", command.RequestId);
        report.RecordFiled(command.FtcReferenceNumber, command.FiledAtUtc, staff.Id, time.UtcNow());
        return new FtcFilingRecorded(request.Id, request.CaseId, report.FtcReferenceNumber!);
    }
}
