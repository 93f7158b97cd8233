using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Craftsman.Gateway.Input;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Craftsman.Gateway.Refusals;

/// <summary>
/// SignalR's JSON protocol, with a refusal the caller can read instead of a generic "Failed to
/// invoke" or a closed connection: arguments that do not bind (a wrong type, a refused number or
/// name), a frame that is not JSON at all (NaN, .5, +5, 0x10) and a frame over the hub's message
/// limit are each answered, on the invocation they belong to, with a coded HubException.
/// </summary>
public sealed partial class RefusingHubProtocol(JsonHubProtocol inner, long maxMessageBytes) : IHubProtocol
{
    private const byte RecordSeparator = 0x1e;

    public string Name => inner.Name;

    public int Version => inner.Version;

    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message)
    {
        if (input.PositionOf(RecordSeparator) is not { } end)
            return inner.TryParseMessage(ref input, binder, out message);
        var frame = input.Slice(0, end);
        if (frame.Length > maxMessageBytes)
        {
            message = Refused(frame, "PayloadTooLarge", $"A hub message may be at most {maxMessageBytes} bytes; this one has {frame.Length}.",
                ("maxBytes", maxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (message is null)
                throw new InvalidDataException($"A hub message may be at most {maxMessageBytes} bytes.");
            input = input.Slice(input.GetPosition(1, end));
            return true;
        }
        var before = input;
        try
        {
            if (!inner.TryParseMessage(ref input, binder, out message))
                return false;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            input = before.Slice(before.GetPosition(1, end));
            message = Refused(frame, "InvalidJson", $"The message is not valid JSON: {Shorten(e.Message)}");
            if (message is null)
                throw;
            return true;
        }
        if (message is InvocationBindingFailureMessage failure && failure.BindingFailure.SourceException is not HubException)
            message = new InvocationBindingFailureMessage(failure.InvocationId, failure.Target,
                ExceptionDispatchInfo.Capture(Translate(failure.Target, failure.BindingFailure.SourceException)));
        return true;
    }

    private static HubException Translate(string target, Exception e)
    {
        for (var cause = e; cause is not null; cause = cause.InnerException)
        {
            if (cause is InputRefusedException refused)
            {
                var field = RefusalExceptionHandler.Field(refused.Path);
                return HubRefusal.Exception(refused.Code, $"{field}: {refused.Message}", [("field", field), .. refused.Parameters.Select(p => (p.Key, p.Value))]);
            }
            if (cause is JsonException json)
            {
                var field = RefusalExceptionHandler.Field(json.Path);
                return HubRefusal.Exception("InvalidArgument", $"{target}: an argument is not of the type it takes (at {field}).", ("field", field), ("method", target));
            }
        }
        return HubRefusal.Exception("InvalidArgument", $"{target}: {Shorten(e.Message)}", ("method", target));
    }

    /// <summary>A binding failure on the frame's invocation, if its id can be found; null when there is nothing to answer.</summary>
    private static InvocationBindingFailureMessage? Refused(ReadOnlySequence<byte> frame, string code, string detail, params (string, string)[] parameters)
    {
        var text = Encoding.UTF8.GetString(frame);
        var (id, target) = Header(text);
        return id is null ? null : new InvocationBindingFailureMessage(id, target ?? "", ExceptionDispatchInfo.Capture(HubRefusal.Exception(code, detail, parameters)));
    }

    /// <summary>The frame's top-level invocationId and target, read as far as the JSON allows, then searched for.</summary>
    private static (string? Id, string? Target) Header(string text)
    {
        string? id = null, target = null;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    reader.Read();
                    if (name == "invocationId" && reader.TokenType == JsonTokenType.String) id = reader.GetString();
                    else if (name == "target" && reader.TokenType == JsonTokenType.String) target = reader.GetString();
                    else reader.Skip();
                }
        }
        catch (JsonException)
        {
            // The rest is not JSON: fall back to looking for the fields.
        }
        id ??= IdPattern().Matches(text) is { Count: > 0 } ids ? ids[^1].Groups[1].Value : null;
        target ??= TargetPattern().Matches(text) is { Count: > 0 } targets ? targets[^1].Groups[1].Value : null;
        return (id, target);
    }

    private static string Shorten(string text)
    {
        var cut = text.IndexOf(" Path:", StringComparison.Ordinal);
        var first = cut > 0 ? text[..cut] : text;
        return first.Length <= 200 ? first : first[..197] + "…";
    }

    [GeneratedRegex("\"invocationId\"\\s*:\\s*\"([^\"\\\\]{1,64})\"")]
    private static partial Regex IdPattern();

    [GeneratedRegex("\"target\"\\s*:\\s*\"([A-Za-z]{1,64})\"")]
    private static partial Regex TargetPattern();
}
