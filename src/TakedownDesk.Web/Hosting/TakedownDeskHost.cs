using FluentValidation;
using Mediator;
using TakedownDesk.Application.Behaviours;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure;

namespace TakedownDesk.Web.Hosting;

/// <summary>The composition root: the one place that knows every layer.</summary>
public static class TakedownDeskHost
{
    public static IServiceCollection AddTakedownDesk(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataDirectory = DataDirectory.Resolve(configuration, environment);
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(ITakedownDeskDb)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(UnitOfWorkBehaviour<,>),
                typeof(AuditBehaviour<,>),
            ];
        });
        services.AddValidatorsFromAssemblyContaining<ITakedownDeskDb>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddPersistence(configuration, dataDirectory);
        services.AddScoped<ICurrentStaff, SystemStaff>();
        services.AddHealthChecks();
        return services;
    }

    public static WebApplication MapTakedownDesk(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        return app;
    }
}
