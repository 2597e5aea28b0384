namespace TakedownDesk.Web.Hosting;

/// <summary>Where the SQLite file, e-mail drop folder and keys live: "TakedownDesk:DataDirectory", default ./data under the content root.</summary>
public static class DataDirectory
{
    public const string Key = "TakedownDesk:DataDirectory";

    public static string Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[Key];
        var path = string.IsNullOrWhiteSpace(configured) ? "data" : configured;
        return Path.GetFullPath(path, environment.ContentRootPath);
    }
}
