using Craftsman.Gateway.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Craftsman.Gateway.Tests.Settings;

/// <summary>A bad setting stops the start with one message that names it, whether the host reads it while being built or later.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Craftsman:Mode", "Clustr", "is not one of Embedded, Cluster")]
    [InlineData("Craftsman:Silo:SiloPort", "70000", "between 1 and 65535")]
    [InlineData("Craftsman:Silo:DatabasPath", "data/x.db", "is not a setting")]
    [InlineData("Craftsman:CallTimout", "00:00:05", "is not a setting")]
    [InlineData("Craftsman:CallTimeout", "ten seconds", "is not a duration")]
    [InlineData("Craftsman:Live:RenewInterval", "00:00:00", "RenewInterval")]
    [InlineData("Craftsman:Auth:SignInFailuresAllowed", "0", "between 1 and 1000")]
    [InlineData("Craftsman:Storage:Timeout", "00:00:00", "Timeout")]
    public async Task BadSettingStopsTheStartNamingIt(string key, string value, string says)
    {
        await using var factory = new GatewayFactory(GatewayFactory.NewDatabasePath(), builder => builder.UseSetting(key, value));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = Find<OptionsValidationException>(error);
        Assert.Contains(key, validation.Message);
        Assert.Contains(says, validation.Message);
    }

    private static T Find<T>(Exception error) where T : Exception
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
            if (e is T found)
                return found;
        if (error is AggregateException all && all.InnerExceptions.SelectMany(Flatten).OfType<T>().FirstOrDefault() is { } inner)
            return inner;
        throw new Xunit.Sdk.XunitException($"Expected a {typeof(T).Name}, got: {error}");
    }

    private static IEnumerable<Exception> Flatten(Exception e) => e.InnerException is null ? [e] : [e, .. Flatten(e.InnerException)];
}
