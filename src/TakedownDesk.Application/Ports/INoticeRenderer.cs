using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Ports;

/// <summary>Renders a removal request as the notice the platform receives. A plain rendering for now; the PDF/HTML renderer will replace it.</summary>
public interface INoticeRenderer
{
    ComposedMail Render(RemovalRequest request, Case @case);
}
