using System.Text.Json.Nodes;
using Snapshooter.Xunit;

namespace CalaisReturns.Tests.Core.Http;

/// <summary>API changes must be deliberate: the whole OpenAPI document is pinned.</summary>
public class OpenApiDocumentTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_OpenAPI_document_is_unchanged()
    {
        var result = await Host.Scenario(s => s.Get.Url("/api/openapi/v1.json"));
        var document = JsonNode.Parse(result.ReadAsText())!;

        Assert.Equal("3.1.1", document["openapi"]!.GetValue<string>());
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                Assert.True(operation!["security"] is JsonArray { Count: > 0 }, $"{method} {path} has no security requirement");
            }
        }

        Snapshot.Match(Canonical(document)!.ToJsonString(new() { WriteIndented = true }));
    }

    [Fact]
    public async Task The_API_reference_is_served_locally()
    {
        var page = (await Host.Scenario(s => s.Get.Url("/api/docs/"))).ReadAsText();
        Assert.Contains("\"url\":\"api/openapi/v1.json\"", page);
        Assert.Contains("<script src=\"scalar.js\">", page);
        Assert.DoesNotContain("https://", page);

        var script = (await Host.Scenario(s => s.Get.Url("/api/docs/scalar.js"))).ReadAsText();
        Assert.True(script.Length > 100_000, $"scalar.js is only {script.Length} characters");
    }

    /// <summary>Object members in ordinal order, so the snapshot does not depend on discovery order.</summary>
    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Canonical)]),
        _ => node?.DeepClone(),
    };
}
