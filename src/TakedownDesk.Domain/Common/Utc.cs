namespace TakedownDesk.Domain.Common;

/// <summary>Instants are stored as UTC <see cref="DateTime"/> so that every provider can compare them in SQL.</summary>
public static class Utc
{
    public static DateTime From(DateTimeOffset instant) => instant.UtcDateTime;

    public static DateTime Require(DateTime instant) =>
        instant.Kind == DateTimeKind.Utc
            ? instant
            : throw new ArgumentException("Instants must be UTC.", nameof(instant));
}
