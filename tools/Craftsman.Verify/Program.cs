using Craftsman.Verify;

const string Usage = "usage: craftsman-verify LEDGER.jsonl [--expect-head HASH]   (LEDGER: the export of GET /api/editions/{edition}/occupations/{code}/ledger; HASH: the head printed on the result sheet)";

string? file = null;
string? expectedHead = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--expect-head" && i + 1 < args.Length)
        expectedHead = args[++i];
    else if (file is null && !args[i].StartsWith("--", StringComparison.Ordinal))
        file = args[i];
    else
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
if (file is null || expectedHead is { Length: 0 })
{
    Console.Error.WriteLine(Usage);
    return 2;
}
if (!File.Exists(file))
{
    Console.Error.WriteLine($"craftsman-verify: no such file: {file}");
    return 2;
}
var (ok, report) = LedgerVerifier.Verify(File.ReadLines(file), expectedHead);
Console.WriteLine(report);
return ok ? 0 : 1;
