using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Requests;

public enum RequesterCapacity
{
    [Display(Name = "The depicted person")]
    DepictedIndividual,

    [Display(Name = "An authorized person acting for them")]
    AuthorizedPerson,
}
