using System.Text.Json;
using System.Text.Json.Serialization;
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

    public static IReadOnlyList<PlatformEntry> Read(string json) =>
        JsonSerializer.Deserialize<List<PlatformEntry>>(json, Json) ?? [];

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
