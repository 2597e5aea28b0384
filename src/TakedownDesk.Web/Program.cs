using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.Web.Cli;
using TakedownDesk.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTakedownDesk(builder.Configuration, builder.Environment);
builder.Services.AddTakedownDeskWeb();

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, app.Services);
}

if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.MigrateAtStartup)
{
    await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
}

app.MapTakedownDesk();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
