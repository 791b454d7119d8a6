using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace OakNetwork.Payments.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports each timer the SDK starts (backoff waits, per-try
/// timeouts), so a test can wait until the SDK is waiting and then move the clock: no sleeps, no races.
/// </summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>The due times of every timer started so far, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<TimeSpan> Started { get; } = new();

    public static readonly DateTimeOffset Start = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Fake { get; } = new(Start);

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new RecordingTimer(Fake.CreateTimer(callback, state, dueTime, period), this);
        timer.Record(dueTime);
        return timer;
    }

    public void Advance(TimeSpan by) => Fake.Advance(by);

    /// <summary>Waits (in real time, at most 10 s as a safety net) until the SDK starts a timer; returns its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync()
        => await _timers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Also reports timers started later with <see cref="ITimer.Change"/> (as <c>CancelAfter</c> does).</summary>
    private sealed class RecordingTimer(ITimer inner, RecordingTimeProvider owner) : ITimer
    {
        public void Record(TimeSpan dueTime)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                owner.Started.Enqueue(dueTime);
                owner._timers.Writer.TryWrite(dueTime);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            Record(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
