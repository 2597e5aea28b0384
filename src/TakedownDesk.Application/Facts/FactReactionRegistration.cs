using Microsoft.Extensions.DependencyInjection;

namespace TakedownDesk.Application.Facts;

public static class FactReactionRegistration
{
    /// <summary>Registers the dispatcher and every <see cref="IReactTo{TFact}"/> of the Application assembly, scoped like the context they write to.</summary>
    public static IServiceCollection AddFactReactions(this IServiceCollection services)
    {
        services.AddScoped<DomainFactDispatcher>();
        var reactions = typeof(FactReactionRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReactTo<>))
                .Select(i => (Service: i, Implementation: t)));
        foreach (var (service, implementation) in reactions)
        {
            services.AddScoped(service, implementation);
        }

        return services;
    }
}
