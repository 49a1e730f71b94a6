global using CalaisReturns.Core;
global using Marten;
