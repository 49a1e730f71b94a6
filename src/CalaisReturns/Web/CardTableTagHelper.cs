using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CalaisReturns.Web;

/// <summary>
/// <c>&lt;table cards&gt;</c>: on a phone each row of the body is shown as a card, every cell labelled with the
/// heading of its column (site.css shows <c>data-label</c>), so that nothing has to be scrolled sideways. The
/// labels are read from the table's own header row once it is rendered: a heading and its label cannot drift.
/// </summary>
[HtmlTargetElement("table", Attributes = "cards")]
public sealed partial class CardTableTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll("cards");
        var classes = output.Attributes["class"]?.Value?.ToString();
        output.Attributes.SetAttribute("class", string.IsNullOrEmpty(classes) ? "cards" : $"{classes} cards");
        output.Content.SetHtmlContent(Label((await output.GetChildContentAsync()).GetContent()));
    }

    /// <summary>
    /// The table's markup with a <c>data-label</c> on every body cell: the text of the heading of the column it
    /// starts in (a cell spanning columns moves the count on by its span). The headings are already encoded. A
    /// cell's content is wrapped in one block, which a card lays out beside the label.
    /// </summary>
    public static string Label(string rows)
    {
        var head = Head().Match(rows);
        if (!head.Success)
        {
            return rows;
        }

        var labels = Cell().Matches(head.Value)
            .Select(c => Tag().Replace(c.Groups["content"].Value, "").Trim())
            .ToArray();
        var body = Row().Replace(rows[(head.Index + head.Length)..], row =>
        {
            var column = 0;
            return Cell().Replace(row.Value, cell =>
            {
                var label = column < labels.Length ? labels[column] : "";
                column += Span().Match(cell.Groups["attributes"].Value) is { Success: true } span ? int.Parse(span.Groups["n"].Value) : 1;
                return $"<{cell.Groups["tag"].Value} data-label=\"{label}\"{cell.Groups["attributes"].Value}><div class=\"cell\">{cell.Groups["content"].Value.Trim()}</div></{cell.Groups["tag"].Value}>";
            });
        });
        return rows[..(head.Index + head.Length)] + body;
    }

    [GeneratedRegex(@"<thead\b.*?</thead>", RegexOptions.Singleline)]
    private static partial Regex Head();

    [GeneratedRegex(@"<tr\b[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex(@"<(?<tag>td|th)\b(?<attributes>[^>]*)>(?<content>.*?)</\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex(@"\bcolspan=""(?<n>\d+)""")]
    private static partial Regex Span();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();
}
