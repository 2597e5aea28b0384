using System.Reflection;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Common;
using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.IntegrationTests.Persistence;

/// <summary>The layers stay honest: the domain knows nothing else; the application knows no infrastructure or web.</summary>
public class LayeringTests
{
    [Fact]
    public void The_domain_references_no_other_layer_and_no_framework_beyond_the_base_library()
    {
        var references = Names(typeof(Entity).Assembly);

        Assert.DoesNotContain(references, r => r.StartsWith("TakedownDesk.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Mediator", StringComparison.Ordinal));
    }

    [Fact]
    public void The_application_references_the_domain_but_no_infrastructure_or_web()
    {
        var references = Names(typeof(ITakedownDeskDb).Assembly);

        Assert.Contains("TakedownDesk.Domain", references);
        Assert.DoesNotContain("TakedownDesk.Infrastructure", references);
        Assert.DoesNotContain("TakedownDesk.Web", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void The_infrastructure_does_not_reach_up_into_the_web_host()
    {
        Assert.DoesNotContain("TakedownDesk.Web", Names(typeof(TakedownDeskDbContext).Assembly));
    }

    private static List<string> Names(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();
}
