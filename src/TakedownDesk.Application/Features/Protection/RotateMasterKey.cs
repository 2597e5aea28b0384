using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Protection;

/// <summary>
/// Re-wraps every victim key with the newest master key, then re-keys the URL index (derived from the current master
/// key) by loading and saving every location. Old master keys keep decrypting until the operator removes them.
/// </summary>
public sealed record RotateMasterKeyCommand : ICommand<MasterKeyRotation>;

public sealed class RotateMasterKeyHandler(ITakedownDeskDb db, IVictimKeys keys, ICurrentStaff staff) : ICommandHandler<RotateMasterKeyCommand, MasterKeyRotation>
{
    public async ValueTask<MasterKeyRotation> Handle(RotateMasterKeyCommand command, CancellationToken cancellationToken)
    {
        if (!staff.SeesAllCases)
        {
            throw new NotFoundException("Master key rotation is not available to this account.");
        }

        var rotation = await keys.RotateMasterKeyAsync(cancellationToken);

        // Loading is enough: saving recomputes each location's index key with the now-current master key.
        await db.Cases.Include(c => c.Locations).ToListAsync(cancellationToken);
        return rotation;
    }
}
