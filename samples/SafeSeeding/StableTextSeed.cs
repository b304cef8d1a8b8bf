using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Rng;

namespace SafeSeeding;

// Fixes UnsafeSeeding/StringHashSeed.cs (RNG1004): string.GetHashCode() changes per process; the SHA-256 hash of the
// UTF-8 text is the same everywhere, and all 256 bits become SeedSequence entropy (this is RNG1004's code fix).
// AsRandom() keeps the System.Random API for code that expects one.
// NumPy: rng = default_rng(int.from_bytes(hashlib.sha256("experiment-A".encode()).digest(), "little"))
//        [rng.integers(0, 10, dtype=np.int32) for _ in range(5)]   (System.Random.Next(10) on the adapter)
internal static class StableTextSeed
{
    public static void Run()
    {
        var entropy = new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes("experiment-A")), isUnsigned: true);
        Random random = Generator.Create(new SeedSequence(entropy)).AsRandom();
        var draws = new int[5];
        for (int i = 0; i < draws.Length; i++)
        {
            draws[i] = random.Next(10);
        }
        Console.WriteLine($"experiment-A: entropy {entropy} draws {Show.Row(draws)}");
    }
}
