namespace TakedownDesk.Application.Features.Casework;

/// <summary>Configuration section "Casework".</summary>
public sealed class CaseworkOptions
{
    public const string Section = "Casework";

    /// <summary>How long the previous caseworker keeps access to a reassigned case, as a co-worker.</summary>
    public TimeSpan HandoverGrace { get; set; } = TimeSpan.FromDays(7);
}
