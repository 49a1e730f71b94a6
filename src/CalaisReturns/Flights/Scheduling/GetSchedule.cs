using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Flights.Scheduling;

/// <summary>The schedule query's filters; each is optional. Departures in [From, To).</summary>
public sealed record ScheduleFilter(
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Country,
    FlightStatus? Status,
    State? LeadState)
{
    /// <summary>Every flight departing in [from, to).</summary>
    public static ScheduleFilter Between(DateTimeOffset? from, DateTimeOffset? to) => new(from, to, null, null, null);

    /// <summary>
    /// Parses the query string, naming every parameter that cannot be understood. Dates and times without an
    /// offset are read in <paramref name="zone"/> (a page reader's), or in UTC.
    /// </summary>
    public static (ScheduleFilter? Filter, Dictionary<string, string[]> Errors) Parse(string? from, string? to,
        string? country, string? status, string? leadState, TimeZoneInfo? zone = null)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new ScheduleFilter(
            QueryValues.Instant(from, "from", errors, zone),
            QueryValues.Instant(to, "to", errors, zone),
            country,
            QueryValues.Enum<FlightStatus>(status, "status", errors),
            QueryValues.Enum<State>(leadState, "leadState", errors));
        if (country is not null && !Codes.IsCountry(country))
        {
            errors["country"] = [Texts.Get("Query.Country")];
        }

        if (filter is { From: { } start, To: { } end } && end <= start)
        {
            errors["to"] = [Texts.Get("Query.ToAfterFrom")];
        }

        return errors.Count == 0 ? (filter, errors) : (null, errors);
    }
}

/// <summary>The schedule's typed queries, shared by the GET endpoints and the pages.</summary>
public static class FlightSchedules
{
    /// <summary>The most flights one schedule query returns; narrow the date range to see more.</summary>
    public const int MaxFlights = 500;

    /// <summary>Flights matching the filter, by departure.</summary>
    public static async Task<IReadOnlyList<FlightSchedule>> Query(IQuerySession session, ScheduleFilter filter,
        CancellationToken ct)
    {
        var query = session.Query<FlightSchedule>().AsQueryable();
        if (filter.From is { } start)
        {
            query = query.Where(f => f.ScheduledDeparture >= start);
        }

        if (filter.To is { } end)
        {
            query = query.Where(f => f.ScheduledDeparture < end);
        }

        if (filter.Country is { } wantedCountry)
        {
            // Any drop-off; an entry written before stops has only the one country.
            query = query.Where(f => f.CountriesOfReturn.Contains(wantedCountry) || f.CountryOfReturn == wantedCountry);
        }

        if (filter.Status is { } wantedStatus)
        {
            query = query.Where(f => f.Status == wantedStatus);
        }

        if (filter.LeadState is { } lead)
        {
            query = query.Where(f => f.LeadState == lead);
        }

        return await query.OrderBy(f => f.ScheduledDeparture).Take(MaxFlights).ToListAsync(ct);
    }

    /// <summary>One flight now, or as it stood at the time travel's instant or version; null if there is no such flight.</summary>
    public static Task<FlightSchedule?> Flight(IQuerySession session, Guid flightId, TimeTravel travel, CancellationToken ct) =>
        travel.Load<FlightSchedule>(session, flightId, ct);
}

public static class GetScheduleEndpoint
{

    [WolverineGet("/api/schedule", OperationId = "GetSchedule", Summary = "Flights by departure date, country, status and lead state")]
    [Authorize(Policy = AccessPolicies.Reader)]
    [ProducesResponseType<IReadOnlyList<FlightSchedule>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(IQuerySession session, string? from, string? to, string? country,
        string? status, string? leadState, CancellationToken ct)
    {
        var (filter, errors) = ScheduleFilter.Parse(from, to, country, status, leadState);
        if (filter is null)
        {
            return Problems.Invalid(errors);
        }

        return Results.Ok(await FlightSchedules.Query(session, filter, ct));
    }

    [WolverineGet("/api/flights/{flightId}", OperationId = "GetFlight",
        Summary = "One flight as the schedule shows it, with its version; asOf or version for how it stood then")]
    [Authorize(Policy = AccessPolicies.FlightReader)]
    [ProducesResponseType<FlightSchedule>(StatusCodes.Status200OK)]
    public static async Task<IResult> GetFlight(Guid flightId, string? asOf, string? version, IQuerySession session,
        ClaimsPrincipal user, Accountability.AccountabilityRules rules, IConfiguration configuration, CancellationToken ct)
    {
        var (travel, errors) = TimeTravel.Parse(asOf, version);
        if (travel is null)
        {
            return Problems.Invalid(errors);
        }

        var flight = await FlightSchedules.Flight(session, flightId, travel, ct);
        if (flight is null)
        {
            return Problems.NotFound("Flight", flightId);
        }

        if (FlightAccess.Monitor(Actor.From(user), flight.MonitorOrganisation) is { } forbidden)
        {
            return Problems.Forbidden(forbidden);
        }

        // The officers' and the budgets' warnings read the roster, the budgets and the flights around this one, as they are now.
        if (travel.IsLive)
        {
            var warnings = await Accountability.Officers.OfficerWarnings.Reader(session, [flight], rules, ct);
            var budgets = await Finance.Budgets.Reporting.BudgetReports.Warnings(session, [flight],
                Finance.Budgets.Reporting.BudgetReports.PlanningRate(configuration), Actor.From(user).ReadsMoney, ct);
            flight = flight with
            {
                Warnings = [.. flight.Warnings, .. warnings(flight).Concat(budgets(flight.Id)).Select(w => w.In(Languages.English))],
            };
        }

        return Results.Ok(flight);
    }
}
