using TakedownDesk.Domain.Correspondence;

namespace TakedownDesk.Domain.Platforms;

/// <summary>Everything staff can edit about a directory entry, in one value so edits and imports share one path.</summary>
/// <remarks>EscalationPath: the levels after a missed deadline, in order; empty means a follow-up through the designated channel only.
/// ReplyPatterns: how the platform words its e-mail replies; null means <see cref="ReplyPatterns.Default"/>.
/// Warnings: what staff must know before using the platform's channels; null means none.
/// PolicyClause: the platform's own rule on models of real people or synthetic intimate imagery, quoted with its source; null if not recorded.</remarks>
public sealed record PlatformProfile(
    string Name,
    PlatformKind Kind,
    IReadOnlyList<string> Domains,
    Coverage Coverage,
    string? CoverageNote,
    IReadOnlyList<RemovalChannel> Channels,
    IReadOnlyList<string> AsksFor,
    string? Receipt,
    string? Notes,
    string? Source,
    IReadOnlyList<EscalationContact>? EscalationPath = null,
    ReplyPatterns? ReplyPatterns = null,
    IReadOnlyList<string>? Warnings = null,
    string? PolicyClause = null);
