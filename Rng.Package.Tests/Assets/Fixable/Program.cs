Console.WriteLine(Fixable.RNG1001.Run(7, 2).Length);
