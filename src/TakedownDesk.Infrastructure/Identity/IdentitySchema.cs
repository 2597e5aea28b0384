using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace TakedownDesk.Infrastructure.Identity;

/// <summary>
/// Identity reads its table layout from the options in the context's service provider, so the app and the design-time
/// factories must name the same version: Version3 adds the passkeys table.
/// </summary>
public static class IdentitySchema
{
    public static void Configure(StoreOptions stores) => stores.SchemaVersion = IdentitySchemaVersions.Version3;

    /// <summary>The services `dotnet ef` builds the model with, outside the app.</summary>
    public static IServiceProvider DesignTimeServices() =>
        new ServiceCollection().Configure<IdentityOptions>(options => Configure(options.Stores)).BuildServiceProvider();
}
