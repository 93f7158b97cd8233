using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Craftsman.Hosting.Settings;

/// <summary>
/// Checks one of our configuration sections at start: every key under it is a setting we know (a
/// misspelt key would otherwise be ignored in silence), every enum value is one of its names, and
/// every value passes its class's DataAnnotations. Each failure names the full key, e.g.
/// "Craftsman:Silo:SiloPort = 70000: ...".
/// </summary>
public sealed class SettingsValidator<T>(IConfiguration configuration, string section, IReadOnlyCollection<string>? knownKeys) : IValidateOptions<T>
    where T : class
{
    private static readonly PropertyInfo[] Properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite).ToArray();

    /// <summary>The checks that can be made before binding: a value the binder cannot convert stops it with a less helpful message.</summary>
    public IReadOnlyList<string> CheckRaw()
    {
        var failures = new List<string>();
        var config = configuration.GetSection(section);
        if (knownKeys is not null)
        {
            var known = new HashSet<string>(knownKeys, StringComparer.OrdinalIgnoreCase);
            foreach (var child in config.GetChildren().Where(c => !known.Contains(c.Key)))
                failures.Add($"{child.Path} is not a setting (known under {section}: {string.Join(", ", knownKeys.Order(StringComparer.Ordinal))}).");
        }
        foreach (var property in Properties)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var raw = config[property.Name];
            if (raw is null || raw.Length == 0)
                continue;
            if (type.IsEnum && (!Enum.TryParse(type, raw, ignoreCase: true, out var parsed) || !Enum.IsDefined(type, parsed!)))
                failures.Add($"{section}:{property.Name} = '{raw}' is not one of {string.Join(", ", Enum.GetNames(type))}.");
            else if (type == typeof(TimeSpan) && !TimeSpan.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out _))
                failures.Add($"{section}:{property.Name} = '{raw}' is not a duration (write it as hh:mm:ss, e.g. 00:00:10).");
            else if (type == typeof(int) && !int.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out _))
                failures.Add($"{section}:{property.Name} = '{raw}' is not a whole number.");
            else if (type == typeof(bool) && !bool.TryParse(raw, out _))
                failures.Add($"{section}:{property.Name} = '{raw}' is not true or false.");
        }
        return failures;
    }

    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>(CheckRaw());
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = result.MemberNames.Any() ? result.MemberNames : [""];
            foreach (var member in members)
            {
                var key = member.Length == 0 ? section : $"{section}:{member}";
                var value = Properties.FirstOrDefault(p => p.Name == member)?.GetValue(options);
                failures.Add(value is null ? $"{key}: {result.ErrorMessage}" : $"{key} = {Show(value)}: {result.ErrorMessage}");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Show(object value) => value switch
    {
        string s => $"'{s}'",
        System.Collections.IEnumerable list => $"[{string.Join(", ", list.Cast<object>())}]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
