// System.Threading.Lock arrived in .NET 9. On .NET 8 the same `lock` statements take a plain object's monitor, which
// is what Lock replaces, so the shared code names one type on both frameworks.
#if !NET9_0_OR_GREATER
global using Lock = System.Object;
#endif
