namespace TakedownDesk.Application.Common;

/// <summary>A query that reveals confidential victim data: each run is written to the audit chain before its answer is returned.</summary>
public interface IAuditedQuery
{
    Guid CaseId { get; }
}
