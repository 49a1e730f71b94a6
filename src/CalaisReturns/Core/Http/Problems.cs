using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Core.Http;

/// <summary>RFC 9457 problem responses used across the API, in the caller's language (<see cref="Texts"/>).</summary>
public static class Problems
{
    /// <param name="subject">What was looked for: a <c>Subject.*</c> text (<c>Flight</c>, <c>Case</c>, <c>Notification</c>)
    /// or the write model's type, which names its subject (<c>FlightLedger</c> is a flight).</param>
    public static IResult NotFound(string subject, Guid id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound,
            title: Texts.Format("Problem.NotFound.Title", Texts.Get($"Subject.{subject}")),
            detail: Texts.Format("Problem.NotFound", Texts.Get($"Subject.{subject}.Lower"), id));

    public static IResult StaleVersion(long expected, long actual) =>
        Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: Texts.Get("Problem.StaleVersion.Title"),
            detail: Texts.Format("Problem.StaleVersion", expected, actual));

    public static IResult Forbidden(Text reason) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Texts.Get("Problem.Forbidden.Title"),
            detail: reason.ToString());

    public static IResult Refused(Text reason)
    {
        Telemetry.CommandTelemetry.Refused(reason.Key);
        return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Texts.Get("Problem.Refused.Title"),
            detail: reason.ToString());
    }

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        Results.Problem(new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Texts.Get("Problem.Invalid.Title"),
        });
}
