using Consumer;

// Printed as bit patterns so the test compares exactly.
foreach (var value in Experiments.FirstDrawParallel(20261122UL, 4))
{
    Console.WriteLine("pcg64 " + BitConverter.DoubleToUInt64Bits(value).ToString("x16"));
}

foreach (var value in Experiments.RawPhiloxParallel(20261122UL, 3))
{
    Console.WriteLine("philox " + value.ToString("x16"));
}
