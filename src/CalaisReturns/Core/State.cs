namespace CalaisReturns.Core;

/// <summary>One of the two states that jointly fund the flights.</summary>
public enum State
{
    UK,
    FR,
}
