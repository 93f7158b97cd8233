using Craftsman.Contracts.Contestants;

namespace Craftsman.Gateway.Judging;

/// <summary>What the judging hub pushes to a panel's tablets.</summary>
public interface IJudgingClient
{
    /// <summary>To every judge of the panel: the phase, the version and how far marking has come.</summary>
    Task PanelChanged(PanelUpdate update);

    /// <summary>To the chief judge only: a contestant's whole scoresheet, every judge's marks and the flags.</summary>
    Task ScoresheetChanged(Scoresheet scoresheet);
}
