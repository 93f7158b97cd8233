using Craftsman.Verify;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: craftsman-verify LEDGER.jsonl   (the export of GET /api/editions/{edition}/occupations/{code}/ledger)");
    return 2;
}
if (!File.Exists(args[0]))
{
    Console.Error.WriteLine($"craftsman-verify: no such file: {args[0]}");
    return 2;
}
var (ok, report) = LedgerVerifier.Verify(File.ReadLines(args[0]));
Console.WriteLine(report);
return ok ? 0 : 1;
