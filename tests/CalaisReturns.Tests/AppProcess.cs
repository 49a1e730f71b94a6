using System.Diagnostics;

namespace CalaisReturns.Tests;

/// <summary>Runs the application's command line from its own build output against the fixture's schema.</summary>
internal static class AppProcess
{
    public static Task<(int ExitCode, string Output)> Run(AppFixture app, params string[] args) =>
        Run(AppFixture.ConnectionString, app.Schema, args);

    /// <summary>The same against another database (a restored one), in the given schema.</summary>
    public static async Task<(int ExitCode, string Output)> Run(string connectionString, string schema, params string[] args)
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

        // Same configuration as the tests; the test folder itself would not do (JasperFx scans its assemblies).
        var dll = Path.Combine(RunningApp.RepositoryRoot(), "src", "CalaisReturns", "bin", testDir.Parent!.Name, testDir.Name, "CalaisReturns.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["Database__Schema"] = schema;
        start.Environment["Database__ApplySchemaOnStartup"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token);
        return (process.ExitCode, await output + await errors);
    }
}
