using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Craftsman.Fuzz.Tests.Support;
using Craftsman.Gateway.Judging;
using Craftsman.Gateway.Live;
using CsCheck;
using Xunit.Abstractions;

namespace Craftsman.Fuzz.Tests;

/// <summary>
/// Invocations of every method of both hubs (found by reflection) with arguments of wrong types
/// and counts, nulls, odd strings and numbers, invalid JSON and oversize frames. Each must be
/// answered on its invocation, either with a result or with a HubException carrying a PascalCase
/// code, on a connection that stays open; a refused one leaves the observable state as it was.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed partial class HubFuzzTests(FuzzGateway gateway, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => gateway.RenewSessions();

    public Task DisposeAsync() => Task.CompletedTask;

    public const int Cases = 600;

    [Fact]
    public async Task GeneratedInvocationsAreAnsweredWithACodeAndChangeNothingWhenRefused()
    {
        var hubs = new (string Path, string? Token, string[] Methods)[]
        {
            ("/hubs/judging", gateway.JudgeToken, Methods(typeof(JudgingHub))),
            ("/hubs/judging", gateway.ChiefToken, Methods(typeof(JudgingHub))),
            ("/hubs/live", null, Methods(typeof(LiveHub))),
        };
        var connections = new List<RawHubConnection>();
        foreach (var hub in hubs)
            connections.Add(await RawHubConnection.Open(gateway, hub.Path, hub.Token));
        var gen = from h in Gen.Int[0, hubs.Length - 1]
                  from method in Gen.Frequency((9, Gen.OneOf(hubs[h].Methods)), (1, Gen.OneOf("NoSuchMethod", "OnConnectedAsync", "submitmark", "")))
                  from arguments in Arguments
                  select (Hub: h, Method: method, Arguments: arguments);
        var pcg = new PCG(14, 20261202);
        var failures = new List<string>();
        var refused = 0;
        var before = await gateway.Observable();
        for (var i = 0; i < Cases; i++)
        {
            var (h, method, arguments) = gen.Generate(pcg, null, out _);
            if (connections[h].Closed)
                connections[h] = await RawHubConnection.Open(gateway, hubs[h].Path, hubs[h].Token);
            var answer = await connections[h].Invoke($"f{i}", method, arguments);
            var described = $"{hubs[h].Path} {method}({Shorten(arguments)})";
            if (answer is not { } completion || connections[h].Closed)
            {
                failures.Add($"connection closed: {described} → {answer}");
                continue;
            }
            var rejectedMark = completion.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object
                && result.TryGetProperty("accepted", out var accepted) && accepted.ValueKind == JsonValueKind.False;
            if (rejectedMark)
            {
                refused++;
                if (!result.TryGetProperty("rejection", out var rejection) || rejection.GetProperty("code").GetString() is not { Length: > 0 } code || !char.IsUpper(code[0]))
                    failures.Add($"rejected mark without a PascalCase code: {described} → {result}");
                var after = await gateway.Observable();
                if (after != before)
                    failures.Add($"a rejected mark changed the observable state: {described}");
                before = after;
            }
            else if (completion.TryGetProperty("error", out var error))
            {
                refused++;
                var text = error.GetString() ?? "";
                if (!CodedRefusal().IsMatch(text))
                    failures.Add($"uncoded error: {described} → {Shorten(text)}");
                var after = await gateway.Observable();
                if (after != before)
                    failures.Add($"a refusal changed the observable state: {described}");
                before = after;
            }
            else
                before = await gateway.Observable();
        }
        // A frame beyond the hub's message limit is answered on its invocation too.
        var big = await connections[0].Invoke("big", "SubmitMark", $"[{{\"occupation\":\"{new string('x', 100_000)}\"}}]");
        if (big is not { } bigAnswer || !bigAnswer.TryGetProperty("error", out var bigError) || !bigError.GetString()!.Contains("HubException: PayloadTooLarge"))
            failures.Add($"oversize frame: {big}");
        foreach (var c in connections)
            await c.DisposeAsync();

        var line = $"Fuzz: {Cases + 1} cases (hubs; {refused} refused)";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} cases failed:\n{string.Join("\n", failures.Take(25))}");
    }

    private static string[] Methods(Type hub) =>
        [.. hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync")).Select(m => m.Name).Distinct()];

    private static Gen<string> Arguments
    {
        get
        {
            var mark = from occupation in Gen.Frequency((4, Gen.Const("\"cnc-lathe\"")), (1, Odd.JsonValue))
                       from key in Gen.Frequency((2, Gen.Const("\"fz-key\"")), (1, Odd.JsonValue))
                       from contestant in Gen.Frequency((2, Gen.Const("\"C001\"")), (1, Odd.JsonValue))
                       from criterion in Gen.Frequency((2, Gen.Const("\"P3\"")), (1, Odd.JsonValue))
                       from value in Odd.JsonValue
                       from extra in Gen.OneOf("", ",\"unknown\":1", ",\"value\":1")
                       select $"{{\"occupation\":{occupation},\"idempotencyKey\":{key},\"contestantId\":{contestant},\"criterionId\":{criterion},\"value\":{value}{extra}}}";
            var argument = Gen.Frequency((3, Odd.JsonValue), (2, mark), (1, Gen.Const("\"2020\"")), (1, Gen.Const("[\"J001\"]")));
            return Gen.Frequency(
                (6, argument.Array[0, 4].Select(a => "[" + string.Join(",", a) + "]")),
                (1, Gen.OneOf("{}", "null", "\"x\"", "5", "[NaN]", "[.5]", "[+5]", "[0x10]", "[Infinity]", "[1,]", "[", "[\"\\uD800\"]")));
        }
    }

    [GeneratedRegex(@"HubException: [A-Z][A-Za-z]+[ :]")]
    private static partial Regex CodedRefusal();

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
