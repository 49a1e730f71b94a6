using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Reporting;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Scheduling;
using CalaisReturns.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CalaisReturns.Tests.Web;

/// <summary>The pure rules behind the pages: which sign-in a request uses, and how figures are shown.</summary>
public sealed class WebRulesTests
{
    [Theory]
    [InlineData(true, false, true, JwtBearerDefaults.AuthenticationScheme)]
    [InlineData(true, true, true, JwtBearerDefaults.AuthenticationScheme)]
    [InlineData(true, true, false, JwtBearerDefaults.AuthenticationScheme)]
    [InlineData(false, false, true, JwtBearerDefaults.AuthenticationScheme)]
    [InlineData(false, true, true, SignInSchemes.Cookie)]
    [InlineData(false, false, false, SignInSchemes.Cookie)]
    [InlineData(false, true, false, SignInSchemes.Cookie)]
    public void A_bearer_header_means_the_token_and_the_API_challenges_the_cookieless_with_a_bearer_401(
        bool bearer, bool cookie, bool api, string expected) =>
        Assert.Equal(expected, SignInSchemes.For(bearer, cookie, api));

    [Fact]
    public void Development_sign_in_exists_only_with_the_published_development_key()
    {
        Assert.True(SignInSchemes.DevelopmentSignInAllowed(new AuthSettings { SigningKey = AuthSettings.DevelopmentKey }));
        Assert.False(SignInSchemes.DevelopmentSignInAllowed(new AuthSettings { SigningKey = "a-real-secret-of-the-department-0123456789" }));
        Assert.False(SignInSchemes.DevelopmentSignInAllowed(new AuthSettings
        {
            SigningKey = AuthSettings.DevelopmentKey, Authority = "https://login.example.gov.uk",
        }));
    }

    [Fact]
    public void A_route_reads_as_its_airports_in_order_each_drop_off_with_its_country()
    {
        FlightStop Stop(string airport, StopKind kind, string? country = null) => new(Guid.NewGuid(), airport, kind, [], country, null);
        Assert.Equal("STN → LIL → TIA (AL)",
            Show.Route([Stop("STN", StopKind.Departure), Stop("LIL", StopKind.PickUp), Stop("TIA", StopKind.DropOff, "AL")]));
        Assert.Equal("STN → LOS (NG) → ACC (GH)",
            Show.Route([Stop("STN", StopKind.Departure), Stop("LOS", StopKind.PickUpAndDropOff, "NG"), Stop("ACC", StopKind.DropOff, "GH")]));
    }

    [Fact]
    public void Each_role_is_offered_only_the_pages_it_may_open()
    {
        string[] Menu(Role role) => [.. Navigation.For(new Actor("x", "X", role, State.UK)).Select(n => n.Href)];
        Assert.Equal(["/schedule", "/cases", "/officers", "/complaints", "/accountability"], Menu(Role.Planner));
        Assert.Equal(["/schedule", "/finance", "/finance/report", "/finance/budgets", "/finance/grants"], Menu(Role.Finance));
        Assert.Equal(["/schedule", "/cases", "/finance", "/finance/report", "/finance/budgets", "/finance/grants", "/audit", "/accountability",
            "/complaints", "/statistics"], Menu(Role.Auditor));
        Assert.Equal(["/schedule", "/cases", "/finance", "/finance/report", "/finance/budgets", "/finance/grants", "/audit", "/accountability",
            "/complaints", "/statistics", "/jobs"], Menu(Role.Admin));
        Assert.Equal(["/schedule"], Menu(Role.EscortLeader));
        Assert.Equal(["/monitoring"], Menu(Role.Monitor));
        Assert.True(Navigation.IsCurrent("/finance/flights/1", "/finance"));
        Assert.False(Navigation.IsCurrent("/finance/report", "/finance"));
        Assert.False(Navigation.IsCurrent("/finance/budgets", "/finance"));
        Assert.False(Navigation.IsCurrent("/finance/grants", "/finance"));
        Assert.True(Navigation.IsCurrent("/finance/grants", "/finance/grants"));
    }

    [Fact]
    public void A_month_calendar_runs_Monday_to_Sunday_and_puts_each_flight_on_its_day_in_the_readers_zone()
    {
        using var english = CultureScope.Of("en-GB");
        var late = new FlightSchedule { Reference = "RF-1", ScheduledDeparture = new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero) };
        var early = new FlightSchedule { Reference = "RF-2", ScheduledDeparture = new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(2)) };
        var calendar = MonthCalendar.Build(2026, 12, [late, early]);

        Assert.Equal("December 2026", calendar.Title);
        Assert.All(calendar.Weeks, w => Assert.Equal(DayOfWeek.Monday, w[0].Date.DayOfWeek));
        Assert.Equal(new DateOnly(2026, 11, 30), calendar.Weeks[0][0].Date);
        Assert.False(calendar.Weeks[0][0].InMonth);
        Assert.Equal(new DateOnly(2027, 1, 3), calendar.Weeks[^1][^1].Date);
        var days = calendar.Weeks.SelectMany(w => w).Where(d => d.Flights.Count > 0).ToList();
        Assert.Equal(new DateOnly(2026, 12, 31), Assert.Single(days).Date);
        Assert.Equal(["RF-2", "RF-1"], days[0].Flights.Select(f => f.Reference));
    }

    [Theory]
    [InlineData("2014-09", "2014-09-01", "2014-10-01", new[] { "2014-09" })]
    [InlineData("2014-Q4", "2014-10-01", "2015-01-01", new[] { "2014-10", "2014-11", "2014-12" })]
    [InlineData("2015", "2015-01-01", "2016-01-01", null)]
    public void A_period_is_its_UTC_range_and_its_months(string period, string from, string to, string[]? months)
    {
        var range = Period.Parse(period)!;
        Assert.Equal(DateTimeOffset.Parse(from + "T00:00:00Z"), range.From);
        Assert.Equal(DateTimeOffset.Parse(to + "T00:00:00Z"), range.To);
        Assert.Equal(months ?? [.. Enumerable.Range(1, 12).Select(m => $"2015-{m:00}")], range.Months().Select(m => m.Name));
        Assert.True(range.Contains(range.From) && !range.Contains(range.To));
    }

    [Theory]
    [InlineData("2014-13")]
    [InlineData("2014-Q5")]
    [InlineData("14")]
    [InlineData(null)]
    public void A_period_that_is_not_a_month_quarter_or_year_has_no_range(string? period) =>
        Assert.Null(Period.Parse(period));

    [Fact]
    public void The_chart_draws_each_states_share_and_paid_per_month_per_currency_to_one_scale()
    {
        CostShareReport Month(string id, decimal ukShare, decimal ukPaid, decimal frShare, decimal frPaid) => new()
        {
            Id = id,
            Currencies =
            [
                new ReportCurrency(Currency.GBP, 1, 0, 0, 0, 0, 0,
                    [new ReportStateFigures(State.UK, ukShare, ukPaid, 0, 0), new ReportStateFigures(State.FR, frShare, frPaid, 0, 0)],
                    new Owing(null, null, 0), new Owing(null, null, 0), null, [], []),
            ],
        };
        var chart = Assert.Single(ShareChart.Build([Month("2014-09", 600m, 1000m, 400m, 0m), new CostShareReport { Id = "2014-10" },
            Month("2014-11", 50m, 0m, 50m, 100m)]));

        Assert.Equal(Currency.GBP, chart.Currency);
        Assert.Equal(1000m, chart.Max);
        Assert.Equal(12, chart.Bars.Count);
        var tallest = chart.Bars.Single(b => b is { Month: "2014-09", State: State.UK, Measure: "Paid" });
        Assert.Equal(ShareChart.Height - ShareChart.Bottom - ShareChart.Top, tallest.Height, 6);
        var share = chart.Bars.Single(b => b is { Month: "2014-09", State: State.UK, Measure: "Share" });
        Assert.Equal(tallest.Height * 0.6, share.Height, 6);
        Assert.All(chart.Bars.Where(b => b.Month == "2014-10"), b => Assert.Equal(0, b.Height));
        Assert.True(chart.Bars.Select(b => b.X).SequenceEqual(chart.Bars.Select(b => b.X).Order()));
        Assert.Contains($"<title>{ShareChart.Label("2014-09")} UK paid: £1,000.00</title>", chart.Svg("c"));
        // The axis reads nought, half and the tallest value.
        Assert.All((string[])[">£0.00<", ">£500.00<", ">£1,000.00<"], tick => Assert.Contains(tick, chart.Svg("c")));
    }

    [Fact]
    public void Given_a_table_with_cards_then_every_body_cell_is_labelled_with_its_column_heading_and_a_span_moves_the_count_on()
    {
        const string table = """
            <thead><tr><th scope="col">Flight</th><th scope="col" class="num">D&#xE9;part <abbr>UTC</abbr></th><th>Seats</th></tr></thead>
            <tbody>
            <tr><th scope="row"><a href="/f/1">RF-1</a></th><td class="num">1</td><td>2</td></tr>
            <tr><td colspan="2">Total</td><td>3</td></tr>
            </tbody>
            """;

        var labelled = CardTableTagHelper.Label(table);

        Assert.Contains("""<th data-label="Flight" scope="row"><div class="cell"><a href="/f/1">RF-1</a></div></th>""", labelled);
        Assert.Contains("""<td data-label="D&#xE9;part UTC" class="num"><div class="cell">1</div></td>""", labelled);
        Assert.Contains("""<td data-label="Seats"><div class="cell">2</div></td>""", labelled);
        Assert.Contains("""<td data-label="Flight" colspan="2"><div class="cell">Total</div></td><td data-label="Seats"><div class="cell">3</div></td>""",
            labelled);
        Assert.StartsWith(table[..table.IndexOf("</thead>", StringComparison.Ordinal)], labelled);
    }

    [Theory]
    [InlineData(1234.5, Currency.GBP, "£1,234.50")]
    [InlineData(-600, Currency.GBP, "-£600.00")]
    [InlineData(0.01, Currency.EUR, "€0.01")]
    public void Money_is_shown_with_its_currency_to_the_minor_unit(decimal amount, Currency currency, string expected)
    {
        using var english = CultureScope.Of("en-GB");
        Assert.Equal(expected, Show.Money(amount, currency));
    }

    [Theory]
    [InlineData("en-GB", 812, "812\u00a0bytes")]
    [InlineData("en-GB", 46_285, "45.2\u00a0KB")]
    [InlineData("fr-FR", 46_285, "45,2\u00a0Ko")]
    [InlineData("fr-FR", 3_250_586, "3,1\u00a0Mo")]
    public void A_file_size_is_shown_in_the_unit_that_reads_best_in_the_readers_language(string culture, long bytes, string expected)
    {
        using var language = CultureScope.Of(culture);
        Assert.Equal(expected, Show.Size(bytes));
    }

    [Theory]
    [InlineData("en-GB", "Cost split agreed", "Ground handling")]
    [InlineData("fr-FR", "Répartition des coûts acceptée", "Assistance au sol")]
    public void Stored_event_types_and_enum_names_read_as_words_of_the_readers_language(string culture, string eventLabel,
        string category)
    {
        using var language = CultureScope.Of(culture);
        Assert.Equal(eventLabel, Timeline.Label("cost_split_agreed"));
        Assert.Equal(category, Show.Enum(CostCategory.GroundHandling));
    }
}

public sealed class BrowserSignInConfigurationTests
{
    private static (IAuthenticationSchemeProvider Schemes, CookieAuthenticationOptions Cookie) Configure(
        Dictionary<string, string?> values, AuthSettings settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAuthentication().AddWebSignIn(configuration, settings,
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" });
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IAuthenticationSchemeProvider>(),
            provider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(SignInSchemes.Cookie));
    }

    [Fact]
    public async Task With_an_identity_provider_and_a_client_the_browser_signs_in_there()
    {
        var (schemes, cookie) = Configure(new() { ["Web:ClientId"] = "calais-web", ["Web:ClientSecret"] = "s3cret" },
            new AuthSettings { Authority = "https://login.example.gov.uk/realms/returns" });
        Assert.NotNull(await schemes.GetSchemeAsync(SignInSchemes.OpenIdConnect));
        Assert.Equal(SignInSchemes.OpenIdConnect, cookie.ForwardChallenge);
        Assert.True(cookie.Cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, cookie.Cookie.SameSite);
    }

    [Fact]
    public async Task Without_a_client_there_is_no_identity_provider_sign_in()
    {
        var (schemes, cookie) = Configure(new(), new AuthSettings { SigningKey = AuthSettings.DevelopmentKey });
        Assert.Null(await schemes.GetSchemeAsync(SignInSchemes.OpenIdConnect));
        Assert.Null(cookie.ForwardChallenge);
        Assert.Equal("/signin", cookie.LoginPath);
    }
}
