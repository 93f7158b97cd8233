namespace Craftsman.Contracts.Editions;

/// <summary>The settings of one edition (届) of the challenge.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.EditionInfo")]
public sealed record EditionInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Title,
    [property: Id(2)] int Year,
    [property: Id(3)] int AppealWindowMinutes,
    [property: Id(4)] decimal QualifyingScore)
{
    /// <summary>Where the edition is held, when the file names none (and in state stored before there was a setting).</summary>
    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>The IANA time zone the edition's documents print times in; null means <see cref="DefaultTimeZone"/>.</summary>
    [Id(5)] public string? TimeZone { get; init; }

    /// <summary>The time zone to print in: <see cref="TimeZone"/>, or <see cref="DefaultTimeZone"/> when none is set.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string TimeZoneOrDefault => string.IsNullOrWhiteSpace(TimeZone) ? DefaultTimeZone : TimeZone;
}
