// netstandard2.0 lacks the marker type the compiler needs for records and init-only setters. It is the only polyfill the
// generator uses, so it is written here rather than pulled from a polyfill generator: PolySharp emitted its files in a
// varying order, which made the generator DLL differ between otherwise identical builds.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
