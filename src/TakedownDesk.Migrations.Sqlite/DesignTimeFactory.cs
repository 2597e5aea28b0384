using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for this provider without a running app or database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TakedownDeskDbContext>
{
    public TakedownDeskDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TakedownDeskDbContext>();
        builder.UseProvider(DatabaseProvider.Sqlite, "Data Source=design-time.db").UseApplicationServiceProvider(IdentitySchema.DesignTimeServices());
        return new TakedownDeskDbContext(builder.Options);
    }
}
