using System.Collections.Immutable;
using System.Text.Json;

namespace Craftsman.Gateway.Input;

/// <summary>
/// A value the strict JSON rules refuse while reading, with the refusal's stable code and
/// parameters; System.Text.Json adds the path, which names the field.
/// </summary>
public sealed class InputRefusedException(string code, string message, ImmutableDictionary<string, string> parameters)
    : JsonException(message)
{
    public string Code { get; } = code;

    public ImmutableDictionary<string, string> Parameters { get; } = parameters;
}
