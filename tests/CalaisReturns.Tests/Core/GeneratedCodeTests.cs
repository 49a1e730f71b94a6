using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using Microsoft.Extensions.DependencyInjection;

namespace CalaisReturns.Tests.Core;

/// <summary>
/// The app loads its Wolverine handlers and endpoints from code generated ahead and committed
/// (src/CalaisReturns/Internal/Generated, TypeLoadMode.Static). A change to a handler, an endpoint or a
/// policy that the committed code no longer matches fails here, with the command that regenerates it.
/// </summary>
public class GeneratedCodeTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public void The_committed_generated_code_is_what_the_handlers_and_endpoints_generate_now()
    {
        var committed = Path.Combine(RunningApp.RepositoryRoot(), "src", "CalaisReturns", "Internal", "Generated");
        var fresh = Directory.CreateTempSubdirectory("calais-codegen-").FullName;
        var collections = Host.Services.GetServices<ICodeFileCollection>().ToArray();
        var paths = collections.Select(c => c.Rules.GeneratedCodeOutputPath).ToArray();
        try
        {
            foreach (var collection in collections)
            {
                collection.Rules.GeneratedCodeOutputPath = fresh;
            }

            new DynamicCodeBuilder(Host.Services, collections) { ServiceVariableSource = Host.Services.GetService<IServiceVariableSource>() }
                .WriteGeneratedCode(_ => { });
        }
        finally
        {
            for (var i = 0; i < collections.Length; i++)
            {
                collections[i].Rules.GeneratedCodeOutputPath = paths[i];
            }
        }

        static Dictionary<string, string> Files(string root) => Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllText);
        var expected = Files(fresh);
        var actual = Files(committed);
        var stale = expected.Keys.Union(actual.Keys).Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k)).Order().ToList();
        Directory.Delete(fresh, recursive: true);
        Assert.True(stale.Count == 0,
            $"The generated code is stale in {string.Join(", ", stale)}: run ops/codegen and commit src/CalaisReturns/Internal/Generated.");
    }
}
