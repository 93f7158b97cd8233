using Craftsman.Failover.Setup;

namespace Craftsman.Failover.Marking;

/// <summary>
/// One judge's tablet: enters marks at a steady rate, cycling over the occupation's contestants and
/// judgement criteria (so later rounds are corrections), and sends each until it is acknowledged or
/// refused, resending with the same idempotency key after any failure.
/// </summary>
public sealed class JudgeRunner(JudgeSeat seat, int judgeIndex, IMarkChannel channel, MarkBook book, Timeline timeline, double rate, string keyPrefix)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    public async Task RunAsync(DrillControl control)
    {
        var period = TimeSpan.FromSeconds(1 / rate);
        // Spread the judges over the period so the rate is steady, not bursty.
        var next = RunClock.Now + period * Random.Shared.NextDouble();
        var slots = seat.Occupation.ContestantIds.SelectMany(c => seat.Occupation.Criteria.Select(k => (Contestant: c, Criterion: k))).ToList();
        for (var n = 0; !control.StopNew.IsCancellationRequested; n++)
        {
            var wait = next - RunClock.Now;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, control.StopNew);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            next = Max(next + period, RunClock.Now);

            var slotIndex = n % slots.Count;
            var (contestant, criterion) = slots[slotIndex];
            var order = n / slots.Count;
            var mark = new MarkRecord($"{keyPrefix}-{seat.JudgeId}-{n:D5}", seat.JudgeId, seat.Occupation.Code, contestant, criterion.Id,
                Value(criterion, judgeIndex * 7 + slotIndex * 3 + order), order);
            book.Add(mark);
            await DeliverAsync(mark, control);
        }
    }

    /// <summary>Consecutive marks of a slot differ by one step, so a correction always changes the value.</summary>
    private static decimal Value(JudgementCriterion criterion, int seed)
    {
        var steps = (int)(criterion.Max / criterion.Step) + 1;
        return seed % steps * criterion.Step;
    }

    private async Task DeliverAsync(MarkRecord mark, DrillControl control)
    {
        var backoff = FirstBackoff;
        while (true)
        {
            mark.FirstSentAt ??= RunClock.Now;
            mark.Attempts++;
            var gateway = channel.Gateway;
            Attempt attempt;
            try
            {
                attempt = await channel.SubmitAsync(mark, control.Abort);
            }
            catch (OperationCanceledException) when (control.Abort.IsCancellationRequested)
            {
                mark.Unresolved = true;
                return;
            }
            var at = RunClock.Now;
            timeline.Record(new TimelineEvent(at, seat.JudgeId, attempt.Kind, attempt.Detail, attempt.Failure, gateway.Authority));
            switch (attempt.Kind)
            {
                case AttemptKind.Acknowledged:
                    mark.AcknowledgedAt = at;
                    mark.Version = attempt.Version;
                    mark.AcknowledgedBy = gateway.Authority;
                    return;
                case AttemptKind.Rejected:
                    mark.Rejection = attempt.Detail;
                    return;
            }
            mark.LastError = attempt.Detail;
            if (RunClock.Now >= control.GiveUpAt)
            {
                mark.Unresolved = true;
                return;
            }
            try
            {
                await Task.Delay(backoff * (0.75 + Random.Shared.NextDouble() / 2), control.Abort);
            }
            catch (OperationCanceledException)
            {
                mark.Unresolved = true;
                return;
            }
            backoff = Min(backoff * 2, MaxBackoff);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
