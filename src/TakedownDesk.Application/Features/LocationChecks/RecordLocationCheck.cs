using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Application.Features.LocationChecks;

/// <summary>Records what one automatic check of a location found; the case decides what it means (online, removal confirmed, reappeared).</summary>
public sealed record RecordLocationCheckCommand(Guid CaseId, Guid LocationId, int? StatusCode, string? FinalUrl, DateTime CheckedAtUtc) : ICommand<LocationCheckAnswer>;

public sealed class RecordLocationCheckValidator : AbstractValidator<RecordLocationCheckCommand>
{
    public RecordLocationCheckValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.LocationId).NotEmpty();
        RuleFor(c => c.StatusCode).InclusiveBetween(100, 999);
        RuleFor(c => c.FinalUrl).MaximumLength(NormalizedUrl.MaximumLength);
    }
}

public sealed class RecordLocationCheckHandler(ITakedownDeskDb db, IOptions<LocationCheckOptions> options) : ICommandHandler<RecordLocationCheckCommand, LocationCheckAnswer>
{
    public async ValueTask<LocationCheckAnswer> Handle(RecordLocationCheckCommand command, CancellationToken cancellationToken)
    {
        // Scheduled work: the system sees every case; the case's own rules refuse a check where checks are off.
        var @case = await db.Cases.Include(c => c.Locations).SingleOrDefaultAsync(c => c.Id == command.CaseId, cancellationToken)
                    ?? throw new NotFoundException("Case", command.CaseId);
        var answer = LocationCheckAnswers.FromStatusCode(command.StatusCode);
        var check = @case.RecordCheck(command.LocationId, answer, command.StatusCode, command.FinalUrl, command.CheckedAtUtc, options.Value.Schedule);
        db.LocationChecks.Add(check);
        return answer;
    }
}
