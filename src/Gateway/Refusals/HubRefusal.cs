using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Craftsman.Gateway.Refusals;

/// <summary>
/// A hub's refusal, in one format the pages parse: "Code: detail", or "Code {params}: detail" when
/// it names something. SignalR passes a HubException's message to the caller as
/// "… HubException: Code …"; codes are PascalCase, as on REST.
/// </summary>
public static class HubRefusal
{
    public static HubException Exception(string code, string detail, params (string Name, string Value)[] parameters) =>
        new(Message(code, detail, parameters));

    public static string Message(string code, string detail, params (string Name, string Value)[] parameters) =>
        parameters.Length == 0
            ? $"{code}: {detail}"
            : $"{code} {JsonSerializer.Serialize(parameters.ToDictionary(p => p.Name, p => p.Value))}: {detail}";
}
