using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Victims;
using TakedownDesk.Domain.Victims.Rules;

namespace TakedownDesk.Application.Features.Victims;

/// <summary>A signed release as staff record it. No platform ids and AllPlatforms false means the release names none.</summary>
public sealed record ReleaseInput(
    string SignedBy,
    SignerCapacity Capacity,
    SignatureMethod Method,
    DateTimeOffset SignedAt,
    DateTimeOffset ExpiresAt,
    bool AllPlatforms,
    IReadOnlyList<Guid>? PlatformIds,
    DisclosableDetails Disclosable)
{
    /// <summary>Derived from the fields above, so it is no part of the JSON a client sends.</summary>
    [JsonIgnore]
    public ReleaseScope Scope => AllPlatforms
        ? ReleaseScope.ForAllPlatforms(Disclosable)
        : ReleaseScope.ForPlatforms(PlatformIds ?? [], Disclosable);

    public async Task<Release> RecordOnAsync(ITakedownDeskDb db, Victim victim, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var named = Scope.PlatformIds;
        var inDirectory = named.Count == 0 ? 0 : await db.Platforms.CountAsync(p => named.Contains(p.Id), cancellationToken);
        BusinessRuleViolationException.ThrowIfBroken(new ReleaseNamesDirectoryPlatforms(named.Count, inDirectory));
        return victim.RecordRelease(SignedBy, Capacity, Method, SignedAt.UtcDateTime, ExpiresAt.UtcDateTime, Scope, nowUtc);
    }
}

public sealed class ReleaseInputValidator : AbstractValidator<ReleaseInput>
{
    public ReleaseInputValidator()
    {
        RuleFor(r => r.SignedBy).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Capacity).IsInEnum();
        RuleFor(r => r.Method).IsInEnum();
        RuleFor(r => r.ExpiresAt).GreaterThan(r => r.SignedAt).WithMessage("The release must expire after it was signed.");
        RuleFor(r => r.Disclosable).NotEqual(DisclosableDetails.None).WithMessage("Name at least one detail the release allows to be disclosed.");
        RuleFor(r => r.Disclosable).IsInEnum()
            .WithMessage($"Only these details can be disclosed: {string.Join(", ", Enum.GetNames<DisclosableDetails>().Skip(1))}.");
        RuleFor(r => r.PlatformIds).NotEmpty().When(r => !r.AllPlatforms).WithMessage("Name the platforms the release covers, or choose all platforms.");
    }
}
