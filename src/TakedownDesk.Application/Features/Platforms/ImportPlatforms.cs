using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Application.Features.Platforms;

/// <summary>Adds or replaces directory entries from a JSON file, matched by slug. Entries not in the file are left alone.</summary>
public sealed record ImportPlatformsCommand(string Json) : ICommand<ImportPlatformsResult>;

public sealed record ImportPlatformsResult(int Added, int Updated);

public sealed class ImportPlatformsValidator : AbstractValidator<ImportPlatformsCommand>
{
    public ImportPlatformsValidator()
    {
        RuleFor(c => c.Json).NotEmpty().MaximumLength(5_000_000);
    }
}

public sealed class ImportPlatformsHandler(ITakedownDeskDb db) : ICommandHandler<ImportPlatformsCommand, ImportPlatformsResult>
{
    public async ValueTask<ImportPlatformsResult> Handle(ImportPlatformsCommand command, CancellationToken cancellationToken)
    {
        IReadOnlyList<PlatformEntry?> entries;
        try
        {
            entries = PlatformDirectoryFile.Read(command.Json);
        }
        catch (JsonException exception)
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [nameof(command.Json)] = [$"The file is not a platform directory: {exception.Message}"],
            });
        }

        EnsureWellFormed(entries);
        var existing = await db.Platforms.ToDictionaryAsync(p => p.Slug, cancellationToken);
        int added = 0, updated = 0;
        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index]!;
            try
            {
                if (existing.TryGetValue(entry.Slug ?? string.Empty, out var platform))
                {
                    platform.Import(entry.Profile, entry.Verification, entry.LastCheckedOn);
                    updated++;
                }
                else
                {
                    platform = new Platform(entry.Slug ?? string.Empty, entry.Profile, entry.Verification, entry.LastCheckedOn);
                    db.Platforms.Add(platform);
                    existing[platform.Slug] = platform;
                    added++;
                }
            }
            catch (BusinessRuleViolationException exception)
            {
                throw new RequestValidationException(new Dictionary<string, string[]>
                {
                    [$"[{index}]"] = [$"Entry {index + 1} ({entry.Slug}): {exception.Message}"],
                });
            }
        }

        return new ImportPlatformsResult(added, updated);
    }

    /// <summary>Every entry present and of the right shape before anything is written; errors are keyed by the entry's index.</summary>
    private static void EnsureWellFormed(IReadOnlyList<PlatformEntry?> entries)
    {
        var validator = new PlatformEntryValidator();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var index = 0; index < entries.Count; index++)
        {
            if (entries[index] is not { } entry)
            {
                errors[$"[{index}]"] = [$"Entry {index + 1} is empty."];
                continue;
            }

            foreach (var failure in validator.Validate(entry).Errors.GroupBy(f => f.PropertyName, StringComparer.Ordinal))
            {
                errors[$"[{index}].{failure.Key}"] = failure.Select(f => f.ErrorMessage).Distinct().ToArray();
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }
}
