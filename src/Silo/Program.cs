using Craftsman.Silo.Extensions;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddFilter("Orleans", LogLevel.Warning);
builder.AddCraftsmanSilo();
await builder.Build().RunAsync();
