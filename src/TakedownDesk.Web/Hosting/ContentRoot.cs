namespace TakedownDesk.Web.Hosting;

/// <summary>
/// The content root (appsettings.json, wwwroot, the default data directory) is the app's own folder, not the folder the
/// process was started from; <c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c> or <c>DOTNET_CONTENTROOT</c> still choose another.
/// </summary>
public static class ContentRoot
{
    /// <summary>The folder to give the builder, or null when one is configured and the host's own resolution should apply.</summary>
    public static string? Default(string[] args)
    {
        // The same sources, in the same order, as the host reads its own content root from.
        var configured = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[HostDefaults.ContentRootKey];
        return string.IsNullOrEmpty(configured) ? AppContext.BaseDirectory : null;
    }
}
