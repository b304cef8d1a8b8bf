namespace UnsafeSeeding;

internal static class Show
{
    public static string Row<T>(IEnumerable<T> values) => "[" + string.Join(", ", values) + "]";

    public static int[] Draw(Random random, int count, int maxValue)
    {
        var values = new int[count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.Next(maxValue);
        }
        return values;
    }
}
