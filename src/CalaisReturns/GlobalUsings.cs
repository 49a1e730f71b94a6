// What nearly every feature file (command, validator, decision, endpoint) uses.
global using System.Security.Claims;
global using CalaisReturns.Core;
global using CalaisReturns.Core.Identity;
global using FluentValidation;
global using Marten;
global using Microsoft.AspNetCore.Authorization;
global using Wolverine.Http;
