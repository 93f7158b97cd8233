using Craftsman.Contracts.Registration;

namespace Craftsman.Grains.Registration;

/// <summary>When the open call takes a registration, and what a window must be.</summary>
public static class OpenCallRules
{
    /// <summary>Entries one occupation may hold: far above any real call (the 1st edition had 335 in all), and a bound on its state.</summary>
    public const int MaxEntries = 5000;

    public static bool IsOpen(OpenCallWindow? window, DateTimeOffset now) =>
        window is not null && window.Opens <= now && now < window.Closes;

    public static RegistrationRefusal? CanRegister(OpenCallWindow? window, DateTimeOffset now, int entries) =>
        window is null ? new(RegistrationRefusalCode.CallNotOpen, "The open call for this occupation has not been opened.")
        : now < window.Opens ? new(RegistrationRefusalCode.CallNotOpen, $"The open call opens at {window.Opens:u}.")
        : now >= window.Closes ? new(RegistrationRefusalCode.CallClosed, $"The open call closed at {window.Closes:u}.")
        : entries >= MaxEntries ? new(RegistrationRefusalCode.RegistryFull, $"The open call holds its maximum of {MaxEntries} entries.")
        : null;

    public static RegistrationRefusal? CheckWindow(OpenCallWindow window) =>
        window.Closes > window.Opens ? null
        : new(RegistrationRefusalCode.WindowInvalid, $"The window must close after it opens (opens {window.Opens:u}, closes {window.Closes:u}).");
}
