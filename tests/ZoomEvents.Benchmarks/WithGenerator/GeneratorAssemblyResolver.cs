using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace ZoomEvents.Benchmarks.Generation;

/// <summary>
/// The generator reaches this project as an analyzer ProjectReference: its DLL and the dependencies it bundles are
/// copied next to ours but are not in our deps.json, so the runtime would not find them when the driver benchmarks
/// instantiate it. Load them from the output folder on demand (the same DLLs the compiler ran).
/// </summary>
internal static class GeneratorAssemblyResolver
{
    [ModuleInitializer]
    internal static void Register() =>
        AssemblyLoadContext.Default.Resolving += static (context, name) =>
        {
            if (name.Name is not ("ZoomEvents.Generator" or "Scriban.Signed" or "SharpYaml"))
            {
                return null;
            }

            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
}
