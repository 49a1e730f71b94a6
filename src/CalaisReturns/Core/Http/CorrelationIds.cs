using System.Text.RegularExpressions;

namespace CalaisReturns.Core.Http;

/// <summary>
/// Takes the caller's <c>X-Correlation-Id</c> if it is a sensible token, otherwise makes one; it
/// becomes the request's trace identifier, is echoed on the response and recorded on every event.
/// </summary>
public static partial class CorrelationIds
{
    public const string Header = "X-Correlation-Id";

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var sent = http.Request.Headers[Header].ToString();
        http.TraceIdentifier = Acceptable().IsMatch(sent) ? sent : Guid.CreateVersion7().ToString();
        http.Response.Headers[Header] = http.TraceIdentifier;
        Telemetry.Telemetry.TagCorrelation(System.Diagnostics.Activity.Current, http.TraceIdentifier);
        return next(http);
    });

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex Acceptable();
}
