using Craftsman.Silo.Extensions;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddFilter("Orleans", LogLevel.Warning);
// Polly logs every placement attempt at Information; Orleans 10.4.2's watchdog warns of a "deadlock"
// on most starts (its first platform check can run before the component check's clock is set).
builder.Logging.AddFilter("Polly", LogLevel.Warning);
builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
builder.AddCraftsmanSilo();
await builder.Build().RunAsync();
