namespace TakedownDesk.Domain.Requests;

/// <summary>A statutory element (Sec. 3) that a request lacks, with what staff should do about it.</summary>
public sealed record MissingElement(string Element, string WhatIsNeeded);
