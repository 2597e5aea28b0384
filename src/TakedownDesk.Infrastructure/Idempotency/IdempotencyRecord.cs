namespace TakedownDesk.Infrastructure.Idempotency;

/// <summary>
/// One client-chosen key per staff member: the row is written before the command runs, so a retry of the same POST
/// replays the stored response instead of running the command twice.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; init; }

    public required string Key { get; init; }

    public required string StaffId { get; init; }

    public required string RequestHash { get; init; }

    /// <summary>0 while the first attempt is still running.</summary>
    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? ResponseBody { get; set; }

    public string? Location { get; set; }

    public DateTime CreatedAtUtc { get; init; }
}
