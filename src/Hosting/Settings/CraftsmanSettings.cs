using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Craftsman.Hosting.Settings;

/// <summary>
/// Every setting of ours is an options class bound from its section and validated when the host
/// starts, so a misspelt key, an unknown mode or an out-of-range number stops the start with one
/// message naming it, instead of being ignored or failing later somewhere else.
/// </summary>
public static class CraftsmanSettings
{
    public const string Root = "Craftsman";

    /// <summary>
    /// What may stand directly under "Craftsman": the root settings of silos and gateways alike
    /// (one deployment shares one environment) and our sections. Kept in one place so a key that
    /// nobody reads is caught whichever process starts.
    /// </summary>
    public static readonly IReadOnlyCollection<string> RootKeys =
    [
        "Mode", "ClusterId", "ServiceId",
        "Clustering", "GatewayPorts", "CallTimeout", "MaxReconnectDelay",
        "Silo", "Storage", "Backups", "Telemetry", "Auth", "Live", "Benchmark", "Limits",
        // The venue's settings (the gateway's VenueOptions, bound to "Craftsman" itself).
        "PublicUrl", "ForwardedHeaders",
    ];

    /// <summary>
    /// Binds <typeparamref name="T"/> from <paramref name="section"/> and validates it at start.
    /// <paramref name="knownKeys"/> defaults to the class's properties; pass <see cref="RootKeys"/> for
    /// a class bound to "Craftsman" itself, or an empty list to leave the key check to another class.
    /// </summary>
    public static OptionsBuilder<T> AddCraftsmanSettings<T>(this IServiceCollection services, string section, IReadOnlyCollection<string>? knownKeys = null)
        where T : class
    {
        var keys = KnownKeys<T>(knownKeys);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, SettingsValidator<T>>(sp =>
            new SettingsValidator<T>(sp.GetRequiredService<IConfiguration>(), section, keys)));
        return services.AddOptions<T>()
            // Before binding: a value the binder cannot convert would otherwise stop it with its own, vaguer message.
            .Configure<IConfiguration>((_, configuration) =>
            {
                if (new SettingsValidator<T>(configuration, section, keys).CheckRaw() is { Count: > 0 } raw)
                    throw new OptionsValidationException(section, typeof(T), raw);
            })
            .BindConfiguration(section)
            .ValidateOnStart();
    }

    /// <summary>
    /// For settings that decide how the host is built (the mode, the silo's ports): registers them
    /// as <see cref="AddCraftsmanSettings{T}"/> does and answers their value now, already validated.
    /// </summary>
    public static T ReadCraftsmanSettings<T>(this IHostApplicationBuilder builder, string section, IReadOnlyCollection<string>? knownKeys = null)
        where T : class, new()
    {
        builder.Services.AddCraftsmanSettings<T>(section, knownKeys);
        return Read<T>(builder.Configuration, section, knownKeys);
    }

    /// <summary>Binds and validates <typeparamref name="T"/>; throws <see cref="OptionsValidationException"/> naming every bad key.</summary>
    public static T Read<T>(IConfiguration configuration, string section, IReadOnlyCollection<string>? knownKeys = null)
        where T : class, new()
    {
        var validator = new SettingsValidator<T>(configuration, section, KnownKeys<T>(knownKeys));
        if (validator.CheckRaw() is { Count: > 0 } raw)
            throw new OptionsValidationException(section, typeof(T), raw);
        var value = configuration.GetSection(section).Get<T>() ?? new T();
        if (validator.Validate(null, value) is { Failed: true } result)
            throw new OptionsValidationException(section, typeof(T), result.Failures);
        return value;
    }

    private static IReadOnlyCollection<string>? KnownKeys<T>(IReadOnlyCollection<string>? knownKeys) => knownKeys switch
    {
        null => [.. typeof(T).GetProperties().Where(p => p.CanWrite).Select(p => p.Name)],
        { Count: 0 } => null,
        _ => knownKeys,
    };
}
