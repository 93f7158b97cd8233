namespace Craftsman.Documents.Workbooks;

/// <summary>The layout of the edition workbook: sheet names and header names, shared by writer and reader.</summary>
internal static class EditionSheets
{
    public const string Edition = "Edition";
    public const string Schemes = "Schemes";
    public const string Occupations = "Occupations";
    public const string Contestants = "Contestants";
    public const string Judges = "Judges";

    /// <summary>Optional: an occupation's stages, one row each in their order; a workbook without it (or with no rows) has none.</summary>
    public const string Stages = "Stages";
    public const string Help = "Help";

    /// <summary>The Edition sheet is key/value rows under a "key", "value" header.</summary>
    public static readonly string[] EditionColumns = ["key", "value"];

    public const string KeyId = "id";
    public const string KeyTitleZh = "title_zh";
    public const string KeyTitleEn = "title_en";
    public const string KeyYear = "year";
    public const string KeyAppealWindow = "appealWindowMinutes";
    public const string KeyQualifyingScore = "qualifyingScore";

    /// <summary>Optional: the IANA time zone documents print times in (Asia/Shanghai when absent).</summary>
    public const string KeyTimeZone = "timeZone";

    public static readonly string[] EditionKeys = [KeyId, KeyTitleZh, KeyTitleEn, KeyYear, KeyAppealWindow, KeyQualifyingScore];

    public static readonly string[] SchemeColumns =
    [
        "scheme", "module", "module_name_zh", "module_name_en", "module_weight",
        "criterion", "criterion_name_zh", "criterion_name_en", "kind", "max", "step", "tolerance",
    ];

    public static readonly string[] OccupationColumns = ["code", "name_zh", "name_en", "mode", "scheme", "nameSource"];

    public static readonly string[] ContestantColumns = ["id", "name", "employer", "occupation", "role"];

    public static readonly string[] JudgeColumns = ["id", "name", "occupation", "role"];

    /// <summary>scheme, blind, advance and panel may be left blank: the occupation's scheme and panel, not blind, the last stage.</summary>
    public static readonly string[] StageColumns = ["occupation", "stage", "name_zh", "name_en", "scheme", "blind", "advance", "weight", "panel"];

    /// <summary>What the blind column holds (blank: not blind).</summary>
    public static readonly string[] BlindValues = ["true", "false"];

    /// <summary>Columns a sheet may leave out of its header; every other column is required.</summary>
    public static readonly string[] OptionalColumns = ["nameSource"];
}
