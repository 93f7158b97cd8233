using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Errors;
using Craftsman.Grains.Storage;
using Craftsman.Silo.Storage;

namespace Craftsman.Grains.Tests.Storage;

public sealed class ResilientLedgerStoreTests
{
    private const string Ledger = "2020/cnc-lathe";

    // Far beyond any configured timeout: only a missing timeout makes a test wait this long, and then it fails.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly LedgerEntry[] OneEntry = [new(1, DateTimeOffset.UnixEpoch, "mark", "J001", "{}", "", "h1")];

    [Fact]
    public async Task AnAppendThatNeverAnswersEndsAtTheTimeoutWithARetryableErrorAndIsNotRetried()
    {
        var inner = new SilentLedger();
        var store = new ResilientLedgerStore(inner, new ResilientGrainStorageOptions { Timeout = TimeSpan.FromMilliseconds(100) });

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.AppendAsync(Ledger, 0, OneEntry).WaitAsync(Patience));

        Assert.Contains("did not answer the append", error.Message);
        Assert.Equal(1, inner.Calls);
        Assert.True(inner.LastToken.IsCancellationRequested, "the store's own call is told to stop");
    }

    [Fact]
    public async Task AReadThatNeverAnswersEndsAfterItsRetriesWithARetryableError()
    {
        var inner = new SilentLedger();
        var store = new ResilientLedgerStore(inner, new ResilientGrainStorageOptions { Timeout = TimeSpan.FromMilliseconds(50), ReadRetries = 2 });

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.ReadAsync(Ledger).WaitAsync(Patience));

        Assert.Contains("did not answer the read", error.Message);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task AConflictPassesThroughUnchanged()
    {
        var store = new ResilientLedgerStore(new ConflictingLedger(), new ResilientGrainStorageOptions());

        await Assert.ThrowsAsync<LedgerConflictException>(() => store.AppendAsync(Ledger, 0, OneEntry));
    }

    /// <summary>A store that takes every call and never answers (it does honour its token, as Npgsql does).</summary>
    private sealed class SilentLedger : ILedgerStore
    {
        private int _calls;

        public int Calls => _calls;

        public CancellationToken LastToken { get; private set; }

        public async Task<IReadOnlyList<LedgerEntry>> ReadAsync(string ledgerId, CancellationToken cancellationToken = default)
        {
            await Never(cancellationToken);
            return [];
        }

        public Task AppendAsync(string ledgerId, long after, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default) =>
            Never(cancellationToken);

        private Task Never(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            LastToken = cancellationToken;
            return Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    private sealed class ConflictingLedger : ILedgerStore
    {
        public Task<IReadOnlyList<LedgerEntry>> ReadAsync(string ledgerId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<LedgerEntry>>([]);

        public Task AppendAsync(string ledgerId, long after, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default) =>
            Task.FromException(new LedgerConflictException(ledgerId, after));
    }
}
