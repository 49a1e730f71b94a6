namespace CalaisReturns.Core;

/// <summary>
/// An event that holds personal data (a case's name, an officer's name, the free text of an incident or a complaint).
/// Its personal fields are sealed through a digest salted per stream, never in the seal's plain text; they are left out
/// of every history; and erasure masks them in place (<see cref="WithoutPersonalData"/> is the masking rule). Methods,
/// not properties, so that nothing of this is stored with the event.
/// </summary>
public interface IHoldsPersonalData
{
    /// <summary>The personal fields as one text for the digest, or null where the event holds none (or they are masked).</summary>
    string? PersonalText();

    /// <summary>The event with its personal fields gone: what the seal covers, what a history shows, what erasure leaves.</summary>
    object WithoutPersonalData();

    /// <summary>Whether the personal fields are gone, as an erasure leaves them.</summary>
    bool PersonalDataMasked();
}

/// <summary>An event recording that a stream's personal data was erased: the only thing that explains a masked event.</summary>
public interface IErasesPersonalData;
