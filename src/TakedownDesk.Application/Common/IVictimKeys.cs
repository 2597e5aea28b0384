namespace TakedownDesk.Application.Common;

/// <summary>The per-victim data keys that protect identifying fields; held outside the case database.</summary>
public interface IVictimKeys
{
    /// <summary>Destroys the victim's data key, so every copy of their encrypted fields (backups included) becomes unreadable.</summary>
    Task ShredAsync(Guid victimId, CancellationToken cancellationToken);

    /// <summary>Makes the newest master key current and re-wraps every victim key with it; older master keys keep decrypting meanwhile.</summary>
    Task<MasterKeyRotation> RotateMasterKeyAsync(CancellationToken cancellationToken);
}

public sealed record MasterKeyRotation(string CurrentMasterKeyId, int VictimKeysRewrapped);
