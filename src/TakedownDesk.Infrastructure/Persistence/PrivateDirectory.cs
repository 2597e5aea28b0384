namespace TakedownDesk.Infrastructure.Persistence;

/// <summary>
/// The data directory holds the case database, the key stores and the mail drop: created owner-only (0700) on Unix,
/// so files SQLite creates with the process's umask (the database, its WAL) are not readable by other accounts either.
/// An existing directory keeps the mode its operator gave it.
/// </summary>
public static class PrivateDirectory
{
    public static void Create(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
