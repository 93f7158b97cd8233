using Craftsman.Gateway.Cluster;
using Craftsman.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddCraftsmanCluster();
builder.AddCraftsmanGateway();

var app = builder.Build();
app.MapCraftsmanEndpoints();
app.Run();

/// <summary>Exposed so the gateway tests can host it with WebApplicationFactory.</summary>
public partial class Program;
