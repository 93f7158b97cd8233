namespace Craftsman.Grains.Tests.Storage;

/// <summary>The embedded store says which format it holds, and a file this build cannot read stops the start with what to do.</summary>
public sealed class StoreFormatTests
{
    [Fact]
    public async Task ANewStoreIsMarkedWithTheLedgerFormat()
    {
        await using var store = new TemporaryStore();
        await store.StartAsync();
        Assert.Equal(2L, store.Execute("SELECT value FROM storage_meta WHERE key = 'format';"));
    }

    [Fact]
    public async Task AStoreThatKeptRoundsInGrainStateIsRefusedAtStartNamingItsFormat()
    {
        await using var store = new TemporaryStore();
        Directory.CreateDirectory(Path.GetDirectoryName(store.DatabasePath)!);
        // What a build before December 2026 left: a round's state row and no format mark.
        store.Execute("""
            CREATE TABLE grain_state (state_name TEXT NOT NULL, grain_id TEXT NOT NULL, etag INTEGER NOT NULL, payload BLOB NOT NULL, PRIMARY KEY (state_name, grain_id));
            CREATE TABLE storage_meta (key TEXT NOT NULL PRIMARY KEY, value INTEGER NOT NULL);
            INSERT INTO grain_state VALUES ('contest', 'contest/2020/cnc-lathe', 7, x'00');
            """);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => store.Create().StartAsync());

        var text = error.ToString();
        Assert.Contains("storage format 1", text);
        Assert.Contains("empty data folder", text);
        Assert.Equal(1L, store.Execute("SELECT COUNT(*) FROM grain_state;"));
    }
}
