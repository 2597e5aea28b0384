using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Application.Features.Platforms;

/// <summary>How to send a request to the platform, as the request page shows it beside the forms.</summary>
public sealed record GetPlatformProcessQuery(Guid PlatformId) : IQuery<PlatformProcess>;

/// <remarks>
/// Channels: the designated Take It Down Act channels; when none is recorded, every known channel with <c>Designated</c> false.<br/>
/// Warnings: what staff must tell the person or check before using the channels.<br/>
/// PolicyClause: the platform's own rule on models of real people or synthetic intimate imagery, as the directory quotes it.
/// </remarks>
public sealed record PlatformProcess(
    Guid PlatformId,
    string Name,
    Coverage Coverage,
    string? CoverageNote,
    Verification Verification,
    DateOnly? LastCheckedOn,
    bool Designated,
    IReadOnlyList<ProcessChannel> Channels,
    IReadOnlyList<string> AsksFor,
    string? Receipt,
    IReadOnlyList<string> Warnings,
    string? PolicyClause);

public sealed record ProcessChannel(ChannelKind Kind, string? Target, IReadOnlyList<string> Steps);

public sealed class GetPlatformProcessHandler(ITakedownDeskDb db) : IQueryHandler<GetPlatformProcessQuery, PlatformProcess>
{
    public async ValueTask<PlatformProcess> Handle(GetPlatformProcessQuery query, CancellationToken cancellationToken)
    {
        var platform = await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.PlatformId, cancellationToken)
                       ?? throw new NotFoundException("Platform", query.PlatformId);
        var designated = platform.DesignatedChannels.Count > 0;
        var channels = (designated ? platform.DesignatedChannels : platform.Channels)
            .Select(c => new ProcessChannel(c.Kind, c.Target, InstructionSteps.Of(c.Instructions)))
            .ToList();
        return new PlatformProcess(
            platform.Id,
            platform.Name,
            platform.Coverage,
            platform.CoverageNote,
            platform.Verification,
            platform.LastCheckedOn,
            designated,
            channels,
            platform.AsksFor,
            platform.Receipt,
            platform.Warnings,
            platform.PolicyClause);
    }
}
