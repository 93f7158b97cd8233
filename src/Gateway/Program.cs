using Craftsman.Gateway.Extensions;
using Craftsman.Silo.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddCraftsmanSilo();
builder.AddCraftsmanGateway();

var app = builder.Build();
app.MapCraftsmanEndpoints();
app.Run();

/// <summary>Exposed so the gateway tests can host it with WebApplicationFactory.</summary>
public partial class Program;
