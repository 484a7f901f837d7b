using BenchmarkDotNet.Running;
using ZoomEvents.Benchmarks.Infrastructure;
using ZoomEvents.Benchmarks.Tools;

// Verbs other than benchmarking are kept here so every input the benchmarks use can be regenerated from this project
// (see docs/benchmarks.md). Anything else goes to BenchmarkDotNet's own command line (--filter, --list, ...).
if (args.Length > 0 && Commands.TryRun(args, out var exitCode))
{
    return exitCode;
}

// "--full" trades minutes for tighter error bars; the default short job is what docs/benchmarks.md reports.
var full = args.Contains("--full");
var bdnArgs = args.Where(a => a != "--full").ToArray();
BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(bdnArgs, BenchConfig.Create(quick: !full));
return 0;
