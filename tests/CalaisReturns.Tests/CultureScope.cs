using System.Globalization;

namespace CalaisReturns.Tests;

/// <summary>Runs a block in a culture, as a request in that language does: <c>using var _ = CultureScope.Of("fr-FR");</c></summary>
internal sealed class CultureScope : IDisposable
{
    private readonly (CultureInfo Culture, CultureInfo UiCulture) before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    private CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    public static CultureScope Of(string name) => new(name);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
}
