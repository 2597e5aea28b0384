namespace TakedownDesk.Domain.Common;

/// <summary>A fact an aggregate states for other parts of the model; persistence turns facts into rows in the same transaction.</summary>
public interface IDomainFact;
