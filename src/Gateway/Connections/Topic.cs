using Craftsman.Gateway.Live;

namespace Craftsman.Gateway.Connections;

/// <summary>What a push is about, for one occupation: a connection holds at most one waiting push per topic.</summary>
public readonly record struct Topic(TopicKind Kind, ContestKey Key);

public enum TopicKind
{
    /// <summary>The public board of a followed occupation.</summary>
    Board,

    /// <summary>The occupation's line on the edition overview.</summary>
    Overview,

    /// <summary>The panel's progress (every judge of the panel).</summary>
    Panel,

    /// <summary>The panel's scoresheets (the chief judge).</summary>
    Scoresheets,
}
