namespace TakedownDesk.Application.Documents.Models;

/// <summary>Statutory element 1: who signs and on what authority.</summary>
/// <remarks>
/// Capacity: "the depicted individual" or "authorized person acting on their behalf".<br/>
/// BasisOfAuthority: E.g. "written release signed 2026-10-02, valid until 2027-04-02"; empty when the individual signs.<br/>
/// SignedDate: Pre-formatted date of the signature.<br/>
/// </remarks>
public sealed record SignatureBlockModel(string SignerName, string Capacity, string BasisOfAuthority, string SignedDate)
{
    public const string DepictedIndividual = "the depicted individual";
    public const string AuthorizedPerson = "authorized person acting on their behalf";
}
