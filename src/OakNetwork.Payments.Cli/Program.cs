Console.WriteLine("oak");
