namespace Craftsman.Failover.Marking;

/// <summary>A judge's way of sending marks: REST or the judging hub, through one gateway at a time.</summary>
public interface IMarkChannel : IAsyncDisposable
{
    /// <summary>The gateway the next send goes to.</summary>
    Uri Gateway { get; }

    Task<Attempt> SubmitAsync(MarkRecord mark, CancellationToken cancel);
}
