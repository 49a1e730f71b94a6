using CalaisReturns.Cases.Summaries;
using CalaisReturns.Core.Http;
using CalaisReturns.Flights.Scheduling;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Flights.Manifesting;

public sealed record ManifestView(Guid FlightId, string Reference, FlightStatus Status, IReadOnlyList<ManifestViewLine> Lines)
{
    /// <summary>The typed query: the flight's manifest as the actor may see it (names of their own state's cases, for its planners).</summary>
    public static async Task<ManifestView> Of(IQuerySession session, FlightSchedule flight, Actor actor, CancellationToken ct)
    {
        var own = actor.Role == Role.Planner
            ? flight.Manifest.Where(m => m.State == actor.State).Select(m => m.CaseId).Distinct().ToArray()
            : [];
        var names = own.Length == 0
            ? new Dictionary<Guid, string?>()
            : (await session.LoadManyAsync<CaseSummary>(ct, own)).ToDictionary(c => c.Id, c => c.FullName);
        return new ManifestView(flight.Id, flight.Reference, flight.Status,
        [
            .. flight.Manifest.Select(m => new ManifestViewLine(m.CaseId, m.State, m.CaseReference,
                names.GetValueOrDefault(m.CaseId), m.Status, m.WithdrawalReason, m.ManifestedAt, m.BoardingStopId, m.DropOffStopId)),
        ]);
    }
}

/// <summary>A manifest line, with the stops where the person boards and is handed over; <see cref="FullName"/> only for planners of the case's own state.</summary>
public sealed record ManifestViewLine(
    Guid CaseId,
    State State,
    string CaseReference,
    string? FullName,
    ManifestLineStatus Status,
    WithdrawalReason? WithdrawalReason,
    DateTimeOffset ManifestedAt,
    Guid BoardingStopId,
    Guid DropOffStopId);

public static class GetManifestEndpoint
{
    [WolverineGet("/api/flights/{flightId}/manifest", OperationId = "GetManifest",
        Summary = "The manifest (asOf or version for how it stood then); names of the caller's own state's returnees for its planners")]
    [Authorize(Policy = AccessPolicies.Reader)]
    [ProducesResponseType<ManifestView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid flightId, string? asOf, string? version, IQuerySession session,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var (travel, errors) = TimeTravel.Parse(asOf, version);
        if (travel is null)
        {
            return Problems.Invalid(errors);
        }

        return await FlightSchedules.Flight(session, flightId, travel, ct) is { } flight
            ? Results.Ok(await ManifestView.Of(session, flight, Actor.From(user), ct))
            : Problems.NotFound("Flight", flightId);
    }
}
