namespace SafeSeeding;

internal static class Seeds
{
    /// <summary>
    /// A 128-bit root seed, as NumPy recommends: drawn once with secrets.randbits(128) and written down so that the run
    /// can be repeated. 0xb4d6914bae4a0d040ee164f2e32f5015.
    /// </summary>
    public static readonly UInt128 Root = new(0xb4d6914bae4a0d04, 0x0ee164f2e32f5015);
}
