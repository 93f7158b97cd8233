using Craftsman.Gateway.Cluster;
using Craftsman.Gateway.Extensions;
using Craftsman.Gateway.Venue;
#if CRAFTSMAN_EMBEDDED
using Craftsman.Silo.Backups;

// `restore BACKUP.db`: put a backup in place of the embedded store (the system stopped), then exit.
if (StoreRestore.IsCommand(args, out var backup, out var settings))
    return StoreRestore.Run(backup, WebApplication.CreateBuilder(settings).Configuration, Console.Out);
#endif

// `venue-cert --host ADDRESS`: the venue's HTTPS certificates, so tablets keep the page for offline use.
if (VenueCertificate.IsCommand(args))
    return VenueCertificate.Run(args, Console.Out, TimeProvider.System);

var builder = WebApplication.CreateBuilder(args);
builder.AddCraftsmanCluster();
builder.AddCraftsmanGateway();

var app = builder.Build();
app.MapCraftsmanEndpoints();
app.Run();
return 0;

/// <summary>Exposed so the gateway tests can host it with WebApplicationFactory.</summary>
public partial class Program;
