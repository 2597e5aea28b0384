using System.Text.Json;

namespace TakedownDesk.LoadTest;

/// <summary>A seeded caseworker as the load client needs them: the API token, some of their cases and their ready drafts.</summary>
public sealed record SeededStaff(string Id, string Email, string Token, IReadOnlyList<Guid> CaseIds, IReadOnlyList<Guid> ReadyDraftIds);

/// <summary>The seeder's hand-over to the load client; it holds access tokens, so only its owner may read it.</summary>
public sealed record StaffFile(IReadOnlyList<SeededStaff> Staff)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<StaffFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<StaffFile>(stream, Json, cancellationToken)
               ?? throw new InvalidDataException($"{path} holds no staff.");
    }

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var owner = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            owner.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, owner);
        await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
    }
}
