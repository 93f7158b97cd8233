namespace Craftsman.Gateway.Auth;

/// <summary>The roles of DESIGN.md §1 that sign in; a viewer is anyone without a token.</summary>
public static class Roles
{
    public const string Organiser = "organiser";
    public const string Chief = "chief";
    public const string Judge = "judge";
    public const string Officer = "officer";
    public const string Arbiter = "arbiter";

    public const string OrganiserPolicy = "organiser";
    public const string PanelPolicy = "panel";

    /// <summary>Anyone who signed in: organiser, judges, chief judges and officials.</summary>
    public const string StaffPolicy = "staff";

    /// <summary>The competition office and the edition's officials (the panel reads the round through its hub).</summary>
    public const string OfficePolicy = "office";
}
