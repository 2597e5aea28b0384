var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
var app = builder.Build();

app.MapGet("/", () => "Hello World!");
// Liveness probe for the container HEALTHCHECK and load balancers.
app.MapHealthChecks("/health");

app.Run();
