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
/// build a second copy of this project (and the generator) per run. ShortRun (3 warm-ups, 3 iterations, one launch)
/// keeps a full run to minutes; the error columns say how much to trust each number. Memory is always reported
/// because two of the targets are about allocations.
/// </remarks>
public static class BenchConfig
{
    public static IConfig Create(bool quick) =>
        DefaultConfig.Instance
            .AddJob((quick ? Job.ShortRun : Job.MediumRun).WithToolchain(InProcessEmitToolchain.Instance).WithId(quick ? "ShortRun-InProcess" : "MediumRun-InProcess"))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(RankColumn.Arabic)
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared))
            .WithOptions(ConfigOptions.JoinSummary);
}
