using JasperFx.CommandLine;

namespace CalaisReturns.Core.Identity;

public sealed class TokenInput : NetCoreInput
{
    [Description("Planner, Finance, Auditor, Admin, Monitor or EscortLeader")]
    public Role RoleFlag { get; set; } = Role.Planner;

    [Description("UK or FR")]
    public State StateFlag { get; set; } = State.UK;

    [Description("Display name recorded with every change")]
    public string NameFlag { get; set; } = "Development User";

    [Description("User id (subject); defaults to one derived from the name")]
    public string? SubjectFlag { get; set; }

    [Description("A monitor's organisation, as named on the flights it monitors (Monitor only)")]
    public string? OrganisationFlag { get; set; }

    [Description("Hours the token is valid")]
    public int HoursFlag { get; set; } = 8;
}

/// <summary>
/// <c>dotnet run --project src/CalaisReturns -- token --role Planner --state UK --name "A. Planner"</c>
/// prints a bearer token signed with the development key, and refuses if any other key is configured.
/// </summary>
[Description("Issue a development bearer token")]
public sealed class TokenCommand : JasperFxAsyncCommand<TokenInput>
{
    public override Task<bool> Execute(TokenInput input)
    {
        using var host = input.BuildHost();
        var (token, refusal) = Issue(host.Services.GetRequiredService<AuthSettings>(), input, TimeProvider.System.GetUtcNow());
        if (token is null)
        {
            Console.Error.WriteLine(refusal);
            return Task.FromResult(false);
        }

        Console.WriteLine(token);
        return Task.FromResult(true);
    }

    public static (string? Token, string? Refusal) Issue(AuthSettings settings, TokenInput input, DateTimeOffset now)
    {
        if (!settings.UsesDevelopmentKey)
        {
            return (null, "Refused: tokens are only issued here while Auth:SigningKey is the development key.");
        }

        if (input.HoursFlag < 1 || TimeSpan.FromHours(input.HoursFlag) > settings.MaxTokenLifetime)
        {
            return (null, $"Refused: a development token lasts 1 to {settings.MaxTokenLifetime.TotalHours:0} hours (Auth:MaxTokenLifetime).");
        }

        if ((input.RoleFlag == Role.Monitor) != !string.IsNullOrWhiteSpace(input.OrganisationFlag))
        {
            return (null, "Refused: a Monitor token needs --organisation, and only a Monitor token takes one.");
        }

        var subject = input.SubjectFlag ?? input.NameFlag.ToLowerInvariant().Replace(' ', '.');
        var actor = new Actor(subject, input.NameFlag, input.RoleFlag, input.StateFlag, input.OrganisationFlag?.Trim());
        return (DevelopmentTokens.Issue(settings, actor, now, TimeSpan.FromHours(input.HoursFlag)), null);
    }
}
