namespace TakedownDesk.IntegrationTests.Documents;

/// <summary>Finds the checked-out repository from the test binaries, so tests render the real templates/ folder.</summary>
public static class RepositoryFolders
{
    public static string Root { get; } = FindRoot();

    public static string Templates => Path.Combine(Root, "templates");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TakedownDesk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TakedownDesk.sln not found above " + AppContext.BaseDirectory);
    }
}
