using System.Diagnostics;

namespace OakNetwork.Payments.Benchmarks.Load;

/// <summary>
/// Runs one side's operation with N concurrent workers for a fixed time and records every latency, the
/// operations, the failures and the bytes allocated in this process (<see cref="GC.GetTotalAllocatedBytes(bool)"/>,
/// all threads, precise) during the round.
/// </summary>
internal static class RoundRunner
{
    // Unique across rounds (create derives unique emails from it).
    private static long s_sequence;

    /// <summary>One operation; <paramref name="sequence"/> is unique per call. Returns false for a failed call.</summary>
    public delegate Task<bool> Operation(long sequence, CancellationToken cancellationToken);

    public static async Task<RoundResult> RunAsync(Operation operation, int concurrency, TimeSpan length)
    {
        var latencies = new List<long>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            latencies[i] = new List<long>(64 * 1024);
        }

        long failures = 0;
        using var stop = new CancellationTokenSource();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var workers = new Task[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            var mine = latencies[w];
            workers[w] = Task.Run(async () =>
            {
                while (Stopwatch.GetTimestamp() < deadline)
                {
                    var n = Interlocked.Increment(ref s_sequence);
                    var t0 = Stopwatch.GetTimestamp();
                    bool ok;
                    try
                    {
                        ok = await operation(n, stop.Token).ConfigureAwait(false);
                    }
                    catch (HttpRequestException)
                    {
                        ok = false;
                    }

                    mine.Add(Stopwatch.GetTimestamp() - t0);
                    if (!ok)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            });
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var all = new List<long>(latencies.Sum(l => l.Count));
        foreach (var list in latencies)
        {
            all.AddRange(list);
        }

        return new RoundResult(all, failures, elapsed, allocated);
    }
}

/// <summary>The outcome of one round.</summary>
internal sealed record RoundResult(List<long> Latencies, long Failures, TimeSpan Elapsed, long AllocatedBytes);

/// <summary>One side's rounds, added up.</summary>
internal sealed class SideStats(string name)
{
    private readonly List<long> _latencies = [];

    public string Name { get; } = name;

    public long Operations => _latencies.Count;

    public long Failures { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public long AllocatedBytes { get; private set; }

    public int Rounds { get; private set; }

    public double OpsPerSecond => Operations / Elapsed.TotalSeconds;

    public double AllocBytesPerOp => Operations == 0 ? 0 : (double)AllocatedBytes / Operations;

    public double P50Ms { get; private set; }

    public double P99Ms { get; private set; }

    public void Add(RoundResult round)
    {
        _latencies.AddRange(round.Latencies);
        Failures += round.Failures;
        Elapsed += round.Elapsed;
        AllocatedBytes += round.AllocatedBytes;
        Rounds++;
    }

    public void Finish()
    {
        _latencies.Sort();
        P50Ms = Percentile(0.50);
        P99Ms = Percentile(0.99);
    }

    private double Percentile(double p)
    {
        if (_latencies.Count == 0)
        {
            return 0;
        }

        var index = Math.Min(_latencies.Count - 1, (int)Math.Ceiling(p * _latencies.Count) - 1);
        return _latencies[Math.Max(0, index)] * 1000.0 / Stopwatch.Frequency;
    }
}
