using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace TakedownDesk.Infrastructure.Documents;

/// <summary>Serves layouts and partials to Fluid's render/include tags, under the same naming rule as templates.</summary>
public sealed class TemplateFileProvider(string root) : IFileProvider
{
    public IFileInfo GetFileInfo(string subpath)
    {
        var fullPath = TemplateNameMustStayInsideRootRule.Resolve(root, subpath);
        var file = new FileInfo(fullPath);
        return file.Exists ? new TemplateFileInfo(file) : new NotFoundFileInfo(subpath);
    }

    // Templates never list folders through Liquid.
    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    // Fluid's cache compares LastModified on each read, so no change tokens are needed.
    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;
}
