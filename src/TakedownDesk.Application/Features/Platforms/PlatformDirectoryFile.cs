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
        platform.ReplyPatterns,
        platform.Warnings,
        platform.PolicyClause);
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
    ReplyPatterns? ReplyPatterns = null,
    IReadOnlyList<string>? Warnings = null,
    string? PolicyClause = null)
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
        ReplyPatterns,
        Warnings ?? [],
        PolicyClause);
}

public sealed record ChannelEntry(ChannelKind Kind, string? Target, string? Instructions, bool DesignatedForTakeItDown);

public sealed record EscalationEntry(EscalationContactRole Role, ChannelKind Kind, string? Target, string? Instructions, int WaitHours, bool Verified);

/// <summary>
/// The shape of one directory entry, saved alone or imported in a file: every list element and nested record present.
/// The messages are read by administrators beside the field they typed, so they name the field in words.
/// </summary>
public sealed class PlatformEntryValidator : AbstractValidator<PlatformEntry>
{
    public PlatformEntryValidator()
    {
        RuleFor(e => e.Name).NotEmpty().WithMessage("Enter the platform's name.")
            .MaximumLength(200).WithMessage("Keep the name to 200 characters or fewer.")
            .PlainName();
        RuleFor(e => e.Kind).IsInEnum().WithMessage("Choose what kind of service this is from the list.");
        RuleFor(e => e.Coverage).IsInEnum().WithMessage("Choose whether the Act covers the platform from the list.");
        RuleFor(e => e.Verification).IsInEnum().WithMessage("Choose verified or unverified.");
        RuleForEach(e => e.Domains)
            .NotEmpty().WithMessage("A domain line is empty.")
            .MaximumLength(253).WithMessage("A domain can be at most 253 characters long.")
            .Must(IsHostName).WithMessage("\"{PropertyValue}\" is not a domain: enter a host name such as example.com, without https:// or a path.");
        RuleFor(e => e.Domains).Must(d => d is null || d.Count <= 100).WithMessage("Enter at most 100 domains.");
        RuleFor(e => e.CoverageNote)
            .NotEmpty().When(e => e.Coverage == Coverage.Excluded).WithMessage("Say why the platform is excluded from the Act.")
            .MaximumLength(1000).WithMessage("Keep the coverage note to 1,000 characters or fewer.");
        RuleFor(e => e.Channels).Must(c => c is null || c.Count <= 20).WithMessage("Enter at most 20 channels.");
        RuleForEach(e => e.Channels).NotNull().WithMessage("A channel is empty.").ChildRules(channel =>
        {
            channel.RuleFor(x => x.Kind).IsInEnum().WithMessage("Choose the kind of channel from the list.");
            channel.RuleFor(x => x.Target)
                .MaximumLength(2000).WithMessage("Keep the address to 2,000 characters or fewer.")
                .SingleLine();
            channel.RuleFor(x => x.Target).Must(IsWebAddress).When(x => x.Kind == ChannelKind.WebForm && !string.IsNullOrWhiteSpace(x.Target))
                .WithMessage("Enter the web form's full address, starting with https:// (or leave it empty if it is not known).");
            channel.RuleFor(x => x.Target).Must(IsEmailAddress).When(x => x.Kind == ChannelKind.Email && !string.IsNullOrWhiteSpace(x.Target))
                .WithMessage("Enter an e-mail address such as abuse@example.com (or leave it empty if it is not known).");
            channel.RuleFor(x => x.Instructions).MaximumLength(4000).WithMessage("Keep the instructions to 4,000 characters or fewer.");
        });
        RuleFor(e => e.AsksFor).Must(a => a is null || a.Count <= 50).WithMessage("List at most 50 things the platform asks for.");
        RuleForEach(e => e.AsksFor).NotNull().WithMessage("A line of what the platform asks for is empty.")
            .MaximumLength(500).WithMessage("Keep each thing the platform asks for to 500 characters or fewer.");
        RuleFor(e => e.Receipt).MaximumLength(1000).WithMessage("Keep the receipt to 1,000 characters or fewer.");
        RuleFor(e => e.Warnings).Must(w => w is null || w.Count <= 20).WithMessage("Enter at most 20 warnings.");
        RuleFor(e => e.PolicyClause).MaximumLength(1000).WithMessage("Keep the policy clause to 1,000 characters or fewer (it is quoted in a model report, which takes at most 1,000).");
        RuleForEach(e => e.Warnings).NotNull().WithMessage("A warning is empty.")
            .MaximumLength(1000).WithMessage("Keep each warning to 1,000 characters or fewer.");
        RuleForEach(e => e.EscalationPath).NotNull().WithMessage("An escalation level is empty.").ChildRules(contact =>
        {
            contact.RuleFor(x => x.Role).IsInEnum().WithMessage("Choose whom the escalation level addresses from the list.");
            contact.RuleFor(x => x.Kind).IsInEnum().WithMessage("Choose the kind of channel from the list.");
            contact.RuleFor(x => x.Target).MaximumLength(2000).WithMessage("Keep the address to 2,000 characters or fewer.").SingleLine();
            contact.RuleFor(x => x.Instructions).MaximumLength(4000).WithMessage("Keep the instructions to 4,000 characters or fewer.");
        });
        RuleFor(e => e.Notes).MaximumLength(4000).WithMessage("Keep the notes to 4,000 characters or fewer.");
        RuleFor(e => e.Source).MaximumLength(2000).WithMessage("Keep the source to 2,000 characters or fewer.").SingleLine();
    }

    private static bool IsHostName(string? domain) => DomainName.Normalize(domain) is { } host && host.Contains('.', StringComparison.Ordinal);

    /// <summary>Only http(s) addresses become links on the request page; anything else could run as a script.</summary>
    private static bool IsWebAddress(string? target) =>
        Uri.TryCreate(target?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool IsEmailAddress(string? target) =>
        target?.Trim() is { } address && address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < address.Length - 1
        && !address.Contains(' ', StringComparison.Ordinal) && address.IndexOf('@', at + 1) < 0;
}
