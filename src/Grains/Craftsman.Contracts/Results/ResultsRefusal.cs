namespace Craftsman.Contracts.Results;

[GenerateSerializer, Immutable, Alias("craftsman.ResultsRefusal")]
public sealed record ResultsRefusal(
    [property: Id(0)] ResultsRefusalCode Code,
    [property: Id(1)] string Message,
    [property: Id(2)] string? Field = null);

[GenerateSerializer, Alias("craftsman.ResultsRefusalCode")]
public enum ResultsRefusalCode
{
    /// <summary>The window must end after it starts.</summary>
    NoticeTimesInvalid = 0,

    /// <summary>The names are confirmed: the notice and its objections are closed for good.</summary>
    AlreadyNamed = 1,

    /// <summary>No window is open now (none set, or it has not started).</summary>
    NoticeNotOpen = 2,

    NoticeClosed = 3,
    FieldRequired = 4,
    FieldTooLong = 5,

    /// <summary>The objection names an occupation the edition does not have.</summary>
    OccupationNotFound = 6,

    ObjectionNotFound = 7,
    ObjectionAlreadyResolved = 8,

    /// <summary>Naming waits for the window to close.</summary>
    NoticeNotClosed = 9,

    /// <summary>Naming waits for every objection to be resolved.</summary>
    ObjectionsUnresolved = 10,

    /// <summary>The edition holds as many objections as it may.</summary>
    ObjectionsFull = 11,
}
