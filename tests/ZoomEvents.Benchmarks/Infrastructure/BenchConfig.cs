using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ZoomEvents.Benchmarks.Infrastructure;

/// <summary>
/// The one configuration every benchmark here runs with.
/// </summary>
/// <remarks>
/// In-process: the build machine is two cores shared by several engineers, and an out-of-process toolchain would
/// build a second copy of this project (and the generator) per run. The default job is short (3 warm-ups, 10
/// measured iterations, one launch) so a full run takes minutes; "--full" uses BenchmarkDotNet's MediumRun instead.
/// Min and Median are shown next to Mean because on a shared machine other processes only ever add time: the
/// minimum is the least disturbed estimate. Memory is always reported because two targets are about allocations.
/// Each class keeps its own summary table so every Ratio is against that class's own Baseline.
/// </remarks>
public static class BenchConfig
{
    public static IConfig Create(bool quick)
    {
        var job = quick
            ? Job.Default.WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1).WithId("Short10-InProcess")
            : Job.MediumRun.WithId("MediumRun-InProcess");
        return DefaultConfig.Instance
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Min, StatisticColumn.Median)
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared));
    }
}
