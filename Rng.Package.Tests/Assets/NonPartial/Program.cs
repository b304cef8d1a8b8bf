using NonPartial;

// Printed as bit patterns so the test compares exactly.
foreach (var value in Experiments.Kernels.FirstDrawParallel(20261122UL, 3))
{
    Console.WriteLine("pcg64 " + BitConverter.DoubleToUInt64Bits(value).ToString("x16"));
}
