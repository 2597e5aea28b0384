using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Ports;

namespace TakedownDesk.Infrastructure.Documents;

public static class DocumentsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IDocumentRenderer"/> and its parts, configured from the "Documents" section.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentOptions>()
            .Bind(configuration.GetSection(DocumentOptions.SectionName))
            .Validate(o => o.RenderTimeout > TimeSpan.Zero && o.MaxTemplateSteps > 0, "Documents: RenderTimeout and MaxTemplateSteps must be positive.")
            .ValidateOnStart();
        services.AddLogging();

        // Singletons: parsed templates are cached and the browser is shared by every print in the process.
        services.AddSingleton<LiquidTemplateEngine>();
        services.AddSingleton<ChromiumPdfRenderer>();
        services.AddSingleton<LiquidDocumentRenderer>();
        services.AddSingleton<IDocumentRenderer>(provider => provider.GetRequiredService<LiquidDocumentRenderer>());
        services.AddSingleton<PrintTurns>();
        services.AddSingleton<IPrintTurns>(provider => provider.GetRequiredService<PrintTurns>());
        services.AddSingleton<TemplateSampleCatalog>();
        services.AddSingleton<IGoodFaithStatements, GoodFaithStatementFile>();
        return services;
    }
}
