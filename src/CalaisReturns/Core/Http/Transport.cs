using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CalaisReturns.Core.Http;

/// <summary>
/// The <c>Transport</c> section. Outside Development the app speaks HTTPS only: plain HTTP is redirected (308) and
/// HTTPS answers carry HSTS. Behind a reverse proxy, <see cref="Proxies"/> names the addresses whose
/// <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> are believed (none configured: loopback only).
/// </summary>
public sealed class TransportSettings
{
    public const string Section = "Transport";

    public string[] Proxies { get; set; } = [];

    public int HttpsPort { get; set; } = 443;
}

public static class Transport
{
    public static IServiceCollection AddCalaisTransport(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(TransportSettings.Section).Get<TransportSettings>() ?? new TransportSettings();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (settings.Proxies.Length > 0)
            {
                o.KnownProxies.Clear();
                foreach (var proxy in settings.Proxies)
                {
                    o.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
            // The host name is the deployment's; none is exempt.
            o.ExcludedHosts.Clear();
        });
        services.AddHttpsRedirection(o =>
        {
            o.HttpsPort = settings.HttpsPort;
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
        });
        return services;
    }

    /// <summary>First in the pipeline: the proxy's headers, HTTPS outside Development, and <c>nosniff</c> on every answer.</summary>
    public static IApplicationBuilder UseCalaisTransport(this IApplicationBuilder app, IHostEnvironment environment)
    {
        app.UseForwardedHeaders();
        if (!environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        // Every answer — pages, API documents, CSV and Excel files, the jobs dashboard — is read as the type it says.
        return app.Use((http, next) =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return next(http);
        });
    }
}
