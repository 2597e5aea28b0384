namespace TakedownDesk.Domain.Requests;

/// <summary>Statutory element 1: the physical or electronic signature of the individual or the authorized person.</summary>
public sealed record SignatureBlock(string SignedName, RequesterCapacity Capacity, string? AuthorityBasis, DateTime SignedAtUtc)
{
    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(SignedName)
        && (Capacity == RequesterCapacity.DepictedIndividual || !string.IsNullOrWhiteSpace(AuthorityBasis));
}
