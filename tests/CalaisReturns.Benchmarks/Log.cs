namespace CalaisReturns.Benchmarks;

/// <summary>Progress goes to stderr; the report (markdown) alone goes to stdout.</summary>
public static class Log
{
    public static void Write(string message) => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {message}");
}
