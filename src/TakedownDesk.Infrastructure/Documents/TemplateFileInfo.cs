using Microsoft.Extensions.FileProviders;

namespace TakedownDesk.Infrastructure.Documents;

/// <summary>A template file on disk as Fluid's file provider contract wants it.</summary>
public sealed class TemplateFileInfo(FileInfo file) : IFileInfo
{
    public bool Exists => file.Exists;

    public long Length => file.Length;

    public string PhysicalPath => file.FullName;

    public string Name => file.Name;

    public DateTimeOffset LastModified => file.LastWriteTimeUtc;

    public bool IsDirectory => false;

    public Stream CreateReadStream() => file.OpenRead();
}
