using Craftsman.Contracts.Editions;

namespace Craftsman.Silo.Seeding;

/// <summary>Gives a fresh embedded install something to look at: the sample edition, once, when none is stored.</summary>
public sealed class SampleEditionSeeder(IGrainFactory grains, ILogger<SampleEditionSeeder> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        var edition = grains.GetGrain<IEditionGrain>(SampleEdition.EditionId);
        if (await edition.GetDocument() is { } stored)
        {
            // Stored before editions were listed: list it now (a no-op once listed).
            await grains.GetGrain<IEditionRegistryGrain>(IEditionRegistryGrain.Key).Imported(stored.Edition);
            return;
        }
        var result = await edition.Import(SampleEdition.Load());
        if (result.Imported)
            logger.LogInformation("Loaded the sample edition {EditionId}.", SampleEdition.EditionId);
        else
            logger.LogError("The sample edition could not be loaded: {Errors}", string.Join("; ", result.Errors));
    }
}
