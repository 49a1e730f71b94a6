using System.Globalization;
using CalaisReturns.Finance.Reporting;

namespace CalaisReturns.Web;

public sealed record ChartBar(string Month, State State, string Measure, decimal Value, double X, double Y, double Width, double Height);

/// <summary>
/// Each state's share and paid per month, in one settlement currency (pounds and euros are never
/// drawn on one axis), as SVG geometry. The page shows the same figures in a table beside it.
/// </summary>
public sealed record ShareChart(Currency Currency, decimal Max, IReadOnlyList<string> Months, IReadOnlyList<ChartBar> Bars)
{
    public const double Width = 720;
    public const double Height = 260;
    public const double Left = 100;
    public const double Bottom = 30;
    public const double Top = 10;

    public static readonly string[] Measures = ["Share", "Paid"];

    public static IReadOnlyList<ShareChart> Build(IReadOnlyList<CostShareReport> months)
    {
        var currencies = months.SelectMany(m => m.Currencies.Select(c => c.Currency)).Distinct().Order().ToList();
        return [.. currencies.Select(currency => Build(currency, months))];
    }

    private static ShareChart Build(Currency currency, IReadOnlyList<CostShareReport> months)
    {
        var states = Enum.GetValues<State>();
        var values = months.Select(m => (Month: m.Id, Figures: m.Currencies.FirstOrDefault(c => c.Currency == currency)?.States ?? []))
            .SelectMany(m => states.SelectMany(s => Measures.Select(measure =>
            {
                var figures = m.Figures.FirstOrDefault(f => f.State == s);
                return (m.Month, State: s, Measure: measure,
                    Value: figures is null ? 0m : measure == "Share" ? figures.Share : figures.Paid);
            })))
            .ToList();
        var max = Math.Max(values.Select(v => v.Value).DefaultIfEmpty(0m).Max(), 1m);
        var slot = (Width - Left) / Math.Max(months.Count, 1);
        var barsPerMonth = states.Length * Measures.Length;
        var barWidth = Math.Min(slot * 0.8 / barsPerMonth, 28);
        var plotHeight = Height - Bottom - Top;
        var bars = values.Select((v, i) =>
        {
            var month = i / barsPerMonth;
            var within = i % barsPerMonth;
            var h = (double)(Math.Max(v.Value, 0m) / max) * plotHeight;
            var start = Left + month * slot + (slot - barsPerMonth * barWidth) / 2;
            return new ChartBar(v.Month, v.State, v.Measure, v.Value, start + within * barWidth,
                Height - Bottom - h, barWidth, h);
        }).ToList();
        return new ShareChart(currency, max, [.. months.Select(m => m.Id)], bars);
    }

    /// <summary>The chart as SVG markup; every text in it is encoded.</summary>
    public string Svg(string labelledBy)
    {
        static string N(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        var enc = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        var svg = new System.Text.StringBuilder();
        svg.Append($"<svg class=\"chart\" viewBox=\"0 0 {N(Width)} {N(Height)}\" role=\"img\" aria-labelledby=\"{labelledBy} {labelledBy}-desc\">")
            .Append($"<desc id=\"{labelledBy}-desc\">{enc.Encode(Texts.Get("Chart.Description"))}</desc>");
        // The axis: nought, half and the tallest value, each with a faint line across the plot.
        foreach (var fraction in (double[])[0, 0.5, 1])
        {
            var y = Height - Bottom - fraction * (Height - Bottom - Top);
            svg.Append($"<line x1=\"{N(Left)}\" y1=\"{N(y)}\" x2=\"{N(Width)}\" y2=\"{N(y)}\" stroke=\"{(fraction == 0 ? "#4a5361" : "#d5d9df")}\"/>")
                .Append(Text(Left - 6, y + 4, "end", Show.Money(Max * (decimal)fraction, Currency)));
        }
        foreach (var bar in Bars)
        {
            svg.Append($"<rect x=\"{N(bar.X)}\" y=\"{N(bar.Y)}\" width=\"{N(bar.Width)}\" height=\"{N(bar.Height)}\" fill=\"{Colour(bar.State, bar.Measure)}\">")
                .Append($"<title>{enc.Encode($"{Label(bar.Month)} {bar.State} {MeasureName(bar.Measure)}: {Show.Money(bar.Value, Currency)}")}</title></rect>");
        }

        for (var i = 0; i < Months.Count; i++)
        {
            svg.Append(Text(MonthX(i), Height - 10, "middle", Label(Months[i])));
        }

        return svg.Append("</svg>").ToString();

        string Text(double x, double y, string anchor, string text) =>
            $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" font-size=\"13\" fill=\"#1b1f24\">{enc.Encode(text)}</text>";
    }

    public double MonthX(int index) => Left + (Width - Left) / Math.Max(Months.Count, 1) * (index + 0.5);

    /// <summary>"share" or "paid" in the reader's language.</summary>
    public static string MeasureName(string measure) => Texts.Get($"Chart.{measure}");

    public static string Label(string month) =>
        DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture).ToString("MMM yy", CultureInfo.CurrentCulture);

    public static string Colour(State state, string measure) => (state, measure) switch
    {
        (State.UK, "Share") => "#123d6b",
        (State.UK, _) => "#6f9bd1",
        (_, "Share") => "#8a1538",
        _ => "#d98aa3",
    };
}
