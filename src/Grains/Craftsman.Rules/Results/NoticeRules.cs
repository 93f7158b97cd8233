using System.Collections.Immutable;
using Craftsman.Contracts.Results;

namespace Craftsman.Rules.Results;

/// <summary>The public notice (公示): its window, who may object when, and when the names may be confirmed.</summary>
public static class NoticeRules
{
    public const int MaxObjections = 2_000;
    public const int MaxName = 60;
    public const int MaxContact = 100;
    public const int MaxText = 4_000;
    public const int MaxConcerning = 100;

    public static ResultsRefusal? CheckWindow(NoticeWindow window, Naming? naming) =>
        naming is not null ? new ResultsRefusal(ResultsRefusalCode.AlreadyNamed, "The names are confirmed; the notice cannot change.")
        : window.End <= window.Start ? new ResultsRefusal(ResultsRefusalCode.NoticeTimesInvalid, "The notice must end after it starts.", "end")
        : null;

    public static bool IsOpen(NoticeWindow? window, DateTimeOffset now) => window is { } w && w.Start <= now && now < w.End;

    /// <summary>The form cleaned (trimmed), or the refusal naming its field.</summary>
    public static (ObjectionForm Form, ResultsRefusal? Refusal) CheckForm(ObjectionForm form, IReadOnlyCollection<string> occupations)
    {
        var cleaned = new ObjectionForm((form.Name ?? "").Trim(), (form.Contact ?? "").Trim(), (form.Text ?? "").Trim(),
            (form.OccupationCode ?? "").Trim(), string.IsNullOrWhiteSpace(form.Concerning) ? null : form.Concerning.Trim());
        var refusal = Required(cleaned.Name, "name", MaxName) ?? Required(cleaned.Contact, "contact", MaxContact)
            ?? Required(cleaned.Text, "text", MaxText) ?? Required(cleaned.OccupationCode, "occupation", 64)
            ?? (cleaned.Concerning is { Length: > MaxConcerning } ? TooLong("concerning", MaxConcerning) : null)
            ?? (occupations.Contains(cleaned.OccupationCode) ? null
                : new ResultsRefusal(ResultsRefusalCode.OccupationNotFound, $"The edition has no occupation '{cleaned.OccupationCode}'.", "occupation"));
        return (cleaned, refusal);
    }

    public static ResultsRefusal? CanLodge(NoticeWindow? window, Naming? naming, int lodged, DateTimeOffset now) =>
        naming is not null ? new ResultsRefusal(ResultsRefusalCode.AlreadyNamed, "The names are confirmed; objections are closed.")
        : window is null || now < window.Start ? new ResultsRefusal(ResultsRefusalCode.NoticeNotOpen, "The public notice is not open.")
        : now >= window.End ? new ResultsRefusal(ResultsRefusalCode.NoticeClosed, "The public notice has closed.")
        : lodged >= MaxObjections ? new ResultsRefusal(ResultsRefusalCode.ObjectionsFull, $"The notice holds its maximum of {MaxObjections} objections.")
        : null;

    public static ResultsRefusal? CanResolve(ImmutableList<Objection> objections, int number, string reason, Naming? naming) =>
        naming is not null ? new ResultsRefusal(ResultsRefusalCode.AlreadyNamed, "The names are confirmed; objections are closed.")
        : objections.FirstOrDefault(o => o.Number == number) is not { } objection
            ? new ResultsRefusal(ResultsRefusalCode.ObjectionNotFound, $"There is no objection {number}.")
        : objection.Resolution is not null ? new ResultsRefusal(ResultsRefusalCode.ObjectionAlreadyResolved, $"Objection {number} is resolved.")
        : Required(reason.Trim(), "reason", MaxText);

    public static ResultsRefusal? CanName(NoticeWindow? window, ImmutableList<Objection> objections, Naming? naming, DateTimeOffset now) =>
        naming is not null ? new ResultsRefusal(ResultsRefusalCode.AlreadyNamed, "The names are confirmed already.")
        : window is null || now < window.End ? new ResultsRefusal(ResultsRefusalCode.NoticeNotClosed, "The names are confirmed only after the public notice has closed.")
        : objections.Count(o => o.Resolution is null) is var open && open > 0
            ? new ResultsRefusal(ResultsRefusalCode.ObjectionsUnresolved, $"{open} objection(s) are not resolved yet.")
        : null;

    /// <summary>The candidates named: each occupation's candidate on a settled line, unless an upheld objection concerns that occupation.</summary>
    public static ImmutableArray<RecommendedEntry> Named(RecommendedList list, IEnumerable<Objection> objections)
    {
        var upheld = objections.Where(o => o.Resolution?.Upheld == true).Select(o => o.Form.OccupationCode).ToHashSet();
        return [.. list.Entries.Where(e => e.Settled && e.ContestantId is not null && !upheld.Contains(e.OccupationCode))];
    }

    private static ResultsRefusal? Required(string value, string field, int max) =>
        value.Length == 0 ? new ResultsRefusal(ResultsRefusalCode.FieldRequired, $"The field '{field}' is required.", field)
        : value.Length > max ? TooLong(field, max)
        : null;

    private static ResultsRefusal TooLong(string field, int max) =>
        new(ResultsRefusalCode.FieldTooLong, $"The field '{field}' holds at most {max} characters.", field);
}
