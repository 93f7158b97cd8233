namespace Craftsman.Load;

/// <summary>Caps the product receipts a worker keeps in memory; receipts beyond it are counted, not stored.</summary>
public sealed class ReceiptBudget(long capacity)
{
    private long _taken;
    private long _refused;

    public long Refused => Interlocked.Read(ref _refused);

    public bool TryTake()
    {
        if (Interlocked.Increment(ref _taken) <= capacity)
            return true;
        Interlocked.Increment(ref _refused);
        return false;
    }
}
