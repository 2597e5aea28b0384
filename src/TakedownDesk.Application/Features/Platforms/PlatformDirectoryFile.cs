using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Correspondence;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Application.Features.Platforms;

/// <summary>The JSON form of the platform directory: the shipped seed, exports and imports all use it.</summary>
/// <remarks>An entry's <c>replyPatterns</c> (optional) says how the platform words its e-mail replies (see <see cref="ReplyPatterns"/>).</remarks>
public static class PlatformDirectoryFile
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The entries of a directory file; an entry may be null (the importer refuses it), the file itself may not.</summary>
    public static IReadOnlyList<PlatformEntry?> Read(string json)
    {
        var entries = JsonNode.Parse(json) as JsonArray ?? throw new JsonException("The file must hold a list of platform entries.");

        // Exports made before the derived profile was dropped from the file carried it beside the fields it repeats.
        foreach (var entry in entries.OfType<JsonObject>())
        {
            entry.Remove("profile");
        }

        return entries.Deserialize<List<PlatformEntry?>>(Json)!;
    }

    public static string Write(IEnumerable<PlatformEntry> entries) => JsonSerializer.Serialize(entries, Json);

    public static PlatformEntry From(Platform platform) => new(
        platform.Slug,
        platform.Name,
        platform.Kind,
        platform.Domains,
        platform.Coverage,
        platform.CoverageNote,
        platform.Channels.Select(c => new ChannelEntry(c.Kind, c.Target, c.Instructions, c.DesignatedForTakeItDown)).ToList(),
        platform.AsksFor,
        platform.Receipt,
        platform.Notes,
        platform.Verification,
        platform.Source,
        platform.LastCheckedOn,
        platform.EscalationPath.Select(c => new EscalationEntry(c.Role, c.Kind, c.Target, c.Instructions, c.WaitHours, c.Verified)).ToList(),
        platform.ReplyPatterns);
}

public sealed record PlatformEntry(
    string Slug,
    string Name,
    PlatformKind Kind,
    IReadOnlyList<string> Domains,
    Coverage Coverage,
    string? CoverageNote,
    IReadOnlyList<ChannelEntry> Channels,
    IReadOnlyList<string> AsksFor,
    string? Receipt,
    string? Notes,
    Verification Verification,
    string? Source,
    DateOnly? LastCheckedOn,
    IReadOnlyList<EscalationEntry>? EscalationPath = null,
    ReplyPatterns? ReplyPatterns = null)
{
    /// <summary>Derived from the fields above, so it is no part of the file or of the JSON a client sends.</summary>
    [JsonIgnore]
    public PlatformProfile Profile => new(
        Name,
        Kind,
        Domains ?? [],
        Coverage,
        CoverageNote,
        (Channels ?? []).Select(c => new RemovalChannel(c.Kind, c.Target, c.Instructions ?? string.Empty, c.DesignatedForTakeItDown)).ToList(),
        AsksFor ?? [],
        Receipt,
        Notes,
        Source,
        (EscalationPath ?? []).Select(c => new EscalationContact(c.Role, c.Kind, c.Target, c.Instructions ?? string.Empty, c.WaitHours, c.Verified)).ToList(),
        ReplyPatterns);
}

public sealed record ChannelEntry(ChannelKind Kind, string? Target, string? Instructions, bool DesignatedForTakeItDown);

public sealed record EscalationEntry(EscalationContactRole Role, ChannelKind Kind, string? Target, string? Instructions, int WaitHours, bool Verified);

/// <summary>The shape of one directory entry, saved alone or imported in a file: every list element and nested record present.</summary>
public sealed class PlatformEntryValidator : AbstractValidator<PlatformEntry>
{
    public PlatformEntryValidator()
    {
        RuleFor(e => e.Name).NotEmpty().MaximumLength(200).PlainName();
        RuleFor(e => e.Kind).IsInEnum();
        RuleFor(e => e.Coverage).IsInEnum();
        RuleFor(e => e.Verification).IsInEnum();
        RuleForEach(e => e.Domains).NotEmpty().MaximumLength(253);
        RuleFor(e => e.Domains).Must(d => d is null || d.Count <= 100).WithMessage("At most 100 domains.");
        RuleForEach(e => e.Channels).NotNull().ChildRules(channel =>
        {
            channel.RuleFor(x => x.Kind).IsInEnum();
            channel.RuleFor(x => x.Target).MaximumLength(2000).SingleLine();
            channel.RuleFor(x => x.Instructions).MaximumLength(4000);
        });
        RuleForEach(e => e.AsksFor).NotNull().MaximumLength(500);
        RuleForEach(e => e.EscalationPath).NotNull().ChildRules(contact =>
        {
            contact.RuleFor(x => x.Role).IsInEnum();
            contact.RuleFor(x => x.Kind).IsInEnum();
            contact.RuleFor(x => x.Target).MaximumLength(2000).SingleLine();
            contact.RuleFor(x => x.Instructions).MaximumLength(4000);
        });
        RuleFor(e => e.Notes).MaximumLength(4000);
    }
}
