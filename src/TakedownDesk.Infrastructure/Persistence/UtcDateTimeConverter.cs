using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TakedownDesk.Infrastructure.Persistence;

/// <summary>Every instant is UTC: written as is, read back marked as UTC (SQLite and SQL Server lose the kind).</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
