using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Requests;

public enum RequesterCapacity
{
    [Display(Name = "The person depicted")]
    DepictedIndividual,
    [Display(Name = "Someone authorised to act for them")]
    AuthorizedPerson,
}
