using Xunit.Abstractions;

[assembly: TestCollectionOrderer("CalaisReturns.Tests.LongestFirst", "CalaisReturns.Tests")]

namespace CalaisReturns.Tests;

/// <summary>
/// Starts the two longest chains of tests first — the browser tests, which share one browser and app, and the "app"
/// collection, which shares one host — so that on two cores they run beside each other and everything else fills in
/// after the shorter one. Left to the default order, the browser chain started last and ran alone at the end
/// (10–12 minutes for the suite instead of about 7). Order only: every collection still runs, in parallel as before.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] First = [Web.BrowserCollection.Name, AppCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => Array.IndexOf(First, c.DisplayName) is var i and >= 0 ? i : First.Length)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
