using System.Net.Sockets;
using JasperFx;
using Marten.Exceptions;
using Npgsql;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Core.Http;

/// <summary>
/// Turns exceptions that escape an endpoint into problem responses. (Wolverine itself answers a body
/// that is not valid JSON for the command with a 400 problem.) A commit that lost a race with a
/// concurrent change to the same stream is a 409: nothing of it was written. A database that cannot
/// be reached is a 503 with Retry-After. A rejected request keeps its status; anything else is ours
/// (500) and its text stays in the log, never in the response.
/// </summary>
public sealed class ExceptionProblems(IProblemDetailsService problems, ILogger<ExceptionProblems> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The handler sees the request re-pointed at the error page; what was asked is the original path.
        var asked = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path;
        if (Web.WebModule.IsPage(asked))
        {
            // A page is answered with the error page (UseErrorAnswers); what went wrong stays in the log.
            LogUnhandled(exception, http.Request.Method, asked);
            return false;
        }

        // This handler runs outside the request's own culture scope: take the language it chose back.
        Languages.Restore(http);
        var problem = exception switch
        {
            _ when IsDatabaseUnreachable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = Texts.Get("Problem.Unavailable.Title"),
                Detail = Texts.Get("Problem.Unavailable"),
            },
            ConcurrencyException or ExistingStreamIdCollisionException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = Texts.Get("Problem.Concurrent.Title"),
                Detail = Texts.Get("Problem.Concurrent"),
            },
            // Two people creating the same reference at once: the second is told, not answered with a 500.
            _ when Find<PostgresException>(exception) is { SqlState: PostgresErrorCodes.UniqueViolation } => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = Texts.Get("Problem.Concurrent.Title"),
                Detail = Texts.Get("Problem.Duplicate"),
            },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = Texts.Get("Problem.BadRequest.Title") },
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(exception, http.Request.Method, http.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = Texts.Get("Problem.Internal.Title"),
                Detail = Texts.Get("Problem.Internal"),
            };
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            log.LogWarning(exception, "Database unreachable on {Method} {Path}", http.Request.Method, http.Request.Path);
            http.Response.Headers.RetryAfter = "5";
        }

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    /// <summary>
    /// A database error is logged by its code and class only: PostgreSQL's message, detail and context can quote the
    /// values of the failing statement — a person's name among them.
    /// </summary>
    private void LogUnhandled(Exception exception, string method, PathString path)
    {
        if (Find<PostgresException>(exception) is { } database)
        {
            log.LogError("Unhandled database error {SqlState} ({Class}) on {Method} {Path}", database.SqlState,
                database.SqlState[..2], method, path);
        }
        else
        {
            log.LogError(exception, "Unhandled exception on {Method} {Path}", method, path);
        }
    }

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>A connection that cannot be opened or was lost: transient, unlike a failing statement.</summary>
    public static bool IsDatabaseUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or SocketException
                || (e is NpgsqlException && e.InnerException is SocketException or IOException or TimeoutException))
            {
                return true;
            }
        }

        return false;
    }
}
