using Craftsman.Contracts.Registration;
using Craftsman.Grains.Registration;

namespace Craftsman.Rules.Tests.Selection;

public sealed class OpenCallRulesTests
{
    private static readonly DateTimeOffset Opens = new(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly OpenCallWindow Window = new(Opens, Opens.AddDays(30));

    [Fact]
    public void RegistrationIsTakenFromOpeningUntilJustBeforeClosing()
    {
        Assert.Null(OpenCallRules.CanRegister(Window, Opens, 0));
        Assert.Null(OpenCallRules.CanRegister(Window, Window.Closes.AddTicks(-1), 0));
        Assert.True(OpenCallRules.IsOpen(Window, Opens));
        Assert.False(OpenCallRules.IsOpen(Window, Window.Closes));
    }

    [Fact]
    public void RegistrationBeforeOpeningAfterClosingOrWithoutAWindowIsRefused()
    {
        Assert.Equal(RegistrationRefusalCode.CallNotOpen, OpenCallRules.CanRegister(null, Opens, 0)?.Code);
        Assert.Equal(RegistrationRefusalCode.CallNotOpen, OpenCallRules.CanRegister(Window, Opens.AddSeconds(-1), 0)?.Code);
        Assert.Equal(RegistrationRefusalCode.CallClosed, OpenCallRules.CanRegister(Window, Window.Closes, 0)?.Code);
    }

    [Fact]
    public void FullRegistryIsRefused()
    {
        Assert.Equal(RegistrationRefusalCode.RegistryFull, OpenCallRules.CanRegister(Window, Opens, OpenCallRules.MaxEntries)?.Code);
    }

    [Fact]
    public void WindowMustCloseAfterItOpens()
    {
        Assert.Equal(RegistrationRefusalCode.WindowInvalid, OpenCallRules.CheckWindow(new OpenCallWindow(Opens, Opens))?.Code);
        Assert.Null(OpenCallRules.CheckWindow(Window));
    }
}
