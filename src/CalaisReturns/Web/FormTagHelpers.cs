using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CalaisReturns.Web;

/// <summary>
/// <c>&lt;api-form api="/api/…" submit="Book charter"&gt;</c>: a form that forms.js sends to the API,
/// with a place for the API's refusal (announced to screen readers) and one submit button.
/// </summary>
[HtmlTargetElement("api-form")]
public sealed class ApiFormTagHelper : TagHelper
{
    public string Api { get; set; } = "";

    /// <summary>The HTTP method the API takes the form's command with: POST unless told (PUT, DELETE).</summary>
    public string Method { get; set; } = "POST";
    public string Submit { get; set; } = Texts.Get("Form.Save");
    public string? Done { get; set; }
    public string? Next { get; set; }
    public string? Title { get; set; }
    public long? ExpectedVersion { get; set; }

    /// <summary>For a change that cannot be taken back: the statement the person ticks before the form is sent.</summary>
    public string? Confirm { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var enc = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        output.TagName = "form";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("data-api", Api);
        output.Attributes.SetAttribute("data-method", Method);
        output.Attributes.SetAttribute("novalidate", "novalidate");
        output.Attributes.SetAttribute("aria-label", Title ?? Submit);
        if (!output.Attributes.ContainsName("class"))
        {
            output.Attributes.SetAttribute("class", "api-form");
        }
        else
        {
            output.Attributes.SetAttribute("class", $"api-form {output.Attributes["class"].Value}");
        }
        if (Done is not null)
        {
            output.Attributes.SetAttribute("data-done", Done);
        }

        if (Next is not null)
        {
            output.Attributes.SetAttribute("data-next", Next);
        }

        var body = (await output.GetChildContentAsync()).GetContent();
        var heading = Title is null ? "" : $"<h3>{enc.Encode(Title)}</h3>";
        var version = ExpectedVersion is { } v ? $"<input type=\"hidden\" name=\"expectedVersion\" data-type=\"int\" value=\"{v}\">" : "";
        // The label wraps its box: a page lists many such forms, and no id has to be unique among them.
        var confirm = Confirm is null ? ""
            : $"<div class=\"field field-check\"><label class=\"check\"><input type=\"checkbox\" data-confirm> {enc.Encode(Confirm)}</label></div>";
        output.Content.SetHtmlContent(
            $"{heading}<p class=\"form-problem\" role=\"alert\" tabindex=\"-1\" hidden></p>{body}{version}{confirm}"
            + $"<button type=\"submit\">{enc.Encode(Submit)}</button>");
    }
}

/// <summary>
/// <c>&lt;api-field form="charter" name="carrier" label="Carrier" /&gt;</c>: a labelled input (or select)
/// with the slot where the API's validation message for that field appears.
/// </summary>
[HtmlTargetElement("api-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ApiFieldTagHelper : TagHelper
{
    public string Form { get; set; } = "";
    public string Name { get; set; } = "";
    public string Label { get; set; } = "";

    /// <summary>text, int, decimal, utc (date and time, UTC), date, select, yesno (optional yes/no), bool, textarea or file.</summary>
    public string Type { get; set; } = "text";

    public string? Value { get; set; }
    public string? Hint { get; set; }

    /// <summary>For a select: a first, empty choice ("Choose a reason") so that nothing is chosen for the person.</summary>
    public string? Prompt { get; set; }

    /// <summary>Left out of the command when empty; every other field must be filled in before sending.</summary>
    public bool Optional { get; set; }
    public IEnumerable<string>? Options { get; set; }

    /// <summary>Text shown for each option, if not the value itself.</summary>
    public IReadOnlyDictionary<string, string>? OptionLabels { get; set; }

    /// <summary>For a file: the media types offered in the browser's file chooser (the API checks the content itself).</summary>
    public string? Accept { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var enc = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        var id = $"{Form}-{Name.Replace('.', '-').Replace('[', '-').Replace("]", "")}";
        var describedBy = Hint is null ? $"{id}-error" : $"{id}-hint {id}-error";
        var common = $"id=\"{id}\" name=\"{enc.Encode(Name)}\" aria-describedby=\"{describedBy}\""
            + (Optional || Type is "bool" or "yesno" ? "" : " aria-required=\"true\"");
        var value = enc.Encode(Value ?? "");
        var control = Type switch
        {
            "select" => $"<select {common}>"
                + (Prompt is null ? "" : $"<option value=\"\" selected>{enc.Encode(Prompt)}</option>")
                + string.Concat((Options ?? []).Select(o =>
                    $"<option value=\"{enc.Encode(o)}\"{(o == Value ? " selected" : "")}>{enc.Encode(OptionLabels?.GetValueOrDefault(o) ?? o)}</option>"))
                + "</select>",
            "yesno" => $"<select {common} data-type=\"yesno\"><option value=\"\">{enc.Encode(Hint ?? Texts.Get("Form.Default"))}</option>"
                + $"<option value=\"true\">{enc.Encode(Texts.Get("Form.Yes"))}</option><option value=\"false\">{enc.Encode(Texts.Get("Form.No"))}</option></select>",
            "bool" => $"<input type=\"checkbox\" {common} data-type=\"bool\" value=\"true\"{(Value == "true" ? " checked" : "")}>",
            "textarea" => $"<textarea {common} rows=\"2\">{value}</textarea>",
            "int" => $"<input type=\"number\" inputmode=\"numeric\" step=\"1\" {common} data-type=\"int\" value=\"{value}\">",
            "decimal" => $"<input type=\"text\" inputmode=\"decimal\" {common} data-type=\"decimal\" value=\"{value}\" autocomplete=\"off\">",
            "utc" => $"<input type=\"datetime-local\" {common} data-type=\"utc\" value=\"{value}\">",
            "date" => $"<input type=\"date\" {common} value=\"{value}\">",
            "file" => $"<input type=\"file\" {common}{(Accept is null ? "" : $" accept=\"{enc.Encode(Accept)}\"")}>",
            _ => $"<input type=\"text\" {common} value=\"{value}\" autocomplete=\"off\">",
        };
        var hint = Hint is null ? "" : $"<span class=\"hint\" id=\"{id}-hint\">{enc.Encode(Hint)}</span>";
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Type == "bool" ? "field field-check" : "field");
        output.Content.SetHtmlContent(
            $"<label for=\"{id}\">{enc.Encode(Label)}</label>{hint}{control}"
            + $"<span class=\"field-error\" id=\"{id}-error\" hidden></span>");
    }
}
