using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Core.Http;

/// <summary>
/// Turns exceptions that escape an endpoint into problem responses. (Wolverine itself answers a body
/// that is not valid JSON for the command with a 400 problem.) A commit that lost a race with a
/// concurrent change to the same stream is a 409: nothing of it was written. A rejected request keeps
/// its status; anything else is ours (500) and its text stays in the log, never in the response.
/// </summary>
public sealed class ExceptionProblems(IProblemDetailsService problems, ILogger<ExceptionProblems> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            ConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Concurrent change",
                Detail = "Another change to the same record was saved first; nothing was recorded. Reload and try again.",
            },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request" },
            _ => null,
        };
        if (problem is null)
        {
            log.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Internal error",
                Detail = "The request failed on the server; nothing was recorded. The error is logged.",
            };
        }

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
