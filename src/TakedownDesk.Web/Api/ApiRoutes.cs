using TakedownDesk.Web.Api.Cases;
using TakedownDesk.Web.Api.Contract;
using TakedownDesk.Web.Api.Correspondence;
using TakedownDesk.Web.Api.Deadlines;
using TakedownDesk.Web.Api.Documents;
using TakedownDesk.Web.Api.Escalations;
using TakedownDesk.Web.Api.Failures;
using TakedownDesk.Web.Api.Platforms;
using TakedownDesk.Web.Api.Prevention;
using TakedownDesk.Web.Api.Requests;
using TakedownDesk.Web.Api.Staff;

namespace TakedownDesk.Web.Api;

public static class ApiRoutes
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1").RequireAuthorization().WithProblemResponses();
        v1.MapCaseEndpoints();
        v1.MapPreventionEndpoints();
        v1.MapRequestEndpoints();
        v1.MapCorrespondenceEndpoints();
        v1.MapEscalationEndpoints();
        v1.MapDocumentEndpoints();
        v1.MapDeadlineEndpoints();
        v1.MapPlatformEndpoints();
        v1.MapStaffEndpoints();
        v1.MapFailureEndpoints();
        return app;
    }
}
