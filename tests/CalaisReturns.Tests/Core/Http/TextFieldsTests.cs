using System.Text.Json.Nodes;
using CalaisReturns.Cases.Opening;
using CalaisReturns.Core;
using CalaisReturns.Core.Http;
using CalaisReturns.Core.Identity;
using CalaisReturns.Flights.Cancelling;
using Npgsql;

namespace CalaisReturns.Tests.Core.Http;

/// <summary>Invisible and control characters never get into a text field.</summary>
public class TextFieldsTests
{
    [Theory]
    [InlineData("Ana\u0000Secret")]
    [InlineData("bell\u0007")]
    [InlineData("line\nbreak")]
    [InlineData("tab\there")]
    [InlineData("\u202Egnp.exe")]
    [InlineData("HO\u2066-1\u2069")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("\uFEFFbom")]
    [InlineData("soft\u00ADhyphen")]
    public void Given_a_control_bidirectional_or_zero_width_character_in_a_one_line_field_then_the_field_is_named(string name)
    {
        using var _ = CultureScope.Of("en-GB");
        var errors = TextFields.Offending(new OpenCase("REF-1", name, "AL", new DateOnly(1990, 4, 12)));
        Assert.Equal(["FullName"], errors.Keys);
    }

    [Fact]
    public void Given_a_multi_line_field_then_tabs_and_line_breaks_pass_but_nothing_else_invisible_does()
    {
        Assert.Empty(TextFields.Offending(new CancelFlight("Strike\r\n\tall day")));
        Assert.Equal(["Reason"], TextFields.Offending(new CancelFlight("Strike\u0000")).Keys);
        Assert.Equal(["Reason"], TextFields.Offending(new CancelFlight("Strike\u202E")).Keys);
    }

    [Fact]
    public void Given_ordinary_text_in_any_script_then_nothing_is_refused() =>
        Assert.Empty(TextFields.Offending(new OpenCase("HO-2026/001", "Zoë Ωμέγα 北京 O'Brien-Smith", "AL", new DateOnly(1990, 4, 12))));
}

/// <summary>The same at the door: 400 naming the field, nothing stored, and the name nowhere — not in a log line, not in a table.</summary>
public class InputProblemsTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_NUL_in_a_name_is_a_400_on_that_field_and_the_name_is_in_no_log_line_and_no_table()
    {
        const string secret = "Zyxwvut";
        var before = await App.EventCount();
        var problem = (await App.Post("/api/cases", new { caseReference = "REF-NUL", fullName = $"Ana\u0000{secret}", nationality = "AL",
            dateOfBirth = "1990-04-12" }, 400)).Problem();
        Assert.Contains("FullName", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, await App.EventCount());

        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var search = new NpgsqlCommand($"""
            select string_agg(t.table_name, ',') from information_schema.tables t
            where t.table_schema = @schema and t.table_type = 'BASE TABLE'
              and (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I.%I where %I::text like %L',
                   t.table_schema, t.table_name, t.table_name, '%{secret}%'), false, true, '')))[1]::text::int > 0
            """, connection);
        search.Parameters.AddWithValue("schema", App.Schema);
        Assert.True(await search.ExecuteScalarAsync() is DBNull or null);
    }

    [Fact]
    public async Task A_null_body_an_impossible_period_and_a_combined_enum_get_400_not_500()
    {
        var flight = await App.ReadyFlight();
        await App.Post($"/api/flights/{flight}/monitor", "null", 400);
        await App.Get("/api/reports/cost-share?period=9999&asOf=2026-01-01T00:00:00Z", 400, Actors.Of(Role.Finance, State.UK));
        await App.Get("/api/schedule?leadState=UK,%20FR", 400);
        var seats = (await App.Post($"/api/flights/{flight}/seat-allocation",
            """{"allocations":[{"state":"UK, FR","seats":1}]}""", 400)).Problem();
        Assert.Contains("allocations[0].state", seats["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Concurrent_opens_with_the_same_reference_give_one_201_and_409s_never_a_500()
    {
        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => App.Host.Scenario(s =>
        {
            s.Post.Json(new { caseReference = "REF-SAME", fullName = "Test Person", nationality = "AL", dateOfBirth = "1990-04-12" })
                .ToUrl("/api/cases");
            s.WithBearerToken(App.Token(Actors.UkPlanner));
            s.IgnoreStatusCode();
        })));
        var codes = statuses.Select(r => r.Context.Response.StatusCode).ToList();
        Assert.Equal(1, codes.Count(c => c == 201));
        Assert.All(codes.Where(c => c != 201), c => Assert.Equal(409, c));
    }
}
