using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Craftsman.Grains;

/// <summary>
/// The clock the competition's rules read (entry times, the objection window), kept apart from the
/// one Orleans runs on, so a rehearsal or a test can move the competition's time without moving
/// the cluster's.
/// </summary>
public static class CompetitionClock
{
    public const string Key = "competition";

    public static IServiceCollection AddCompetitionClock(this IServiceCollection services)
    {
        services.TryAddKeyedSingleton(Key, TimeProvider.System);
        return services;
    }
}
