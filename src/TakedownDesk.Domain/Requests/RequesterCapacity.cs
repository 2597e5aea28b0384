namespace TakedownDesk.Domain.Requests;

public enum RequesterCapacity
{
    DepictedIndividual,
    AuthorizedPerson,
}
