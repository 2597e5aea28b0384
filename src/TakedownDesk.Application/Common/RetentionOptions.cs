namespace TakedownDesk.Application.Common;

/// <summary>Configuration section "Retention": how long a victim's data is kept after their last case closes.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    public int ClosedCaseDays { get; set; } = 365;
}
