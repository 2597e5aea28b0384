namespace TakedownDesk.IntegrationTests.Documents;

/// <summary>A throw-away templates folder for tests that need broken, hostile or extra templates.</summary>
public sealed class TemplateFolder : IDisposable
{
    public TemplateFolder()
    {
        Path = Directory.CreateTempSubdirectory("takedowndesk-templates-").FullName;
    }

    public string Path { get; }

    /// <summary>A copy of the repository's templates/, so one file can be changed without touching the real ones.</summary>
    public static TemplateFolder CopyOfRealTemplates()
    {
        var folder = new TemplateFolder();
        foreach (var file in Directory.EnumerateFiles(RepositoryFolders.Templates, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(folder.Path, System.IO.Path.GetRelativePath(RepositoryFolders.Templates, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }

    /// <summary>Writes <paramref name="content"/> to a path relative to the folder, creating folders as needed.</summary>
    public void Write(string relativePath, string content)
    {
        var target = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.WriteAllText(target, content);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
