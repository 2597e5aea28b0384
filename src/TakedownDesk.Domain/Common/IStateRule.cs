namespace TakedownDesk.Domain.Common;

/// <summary>
/// A rule about where the record stands, not about what was asked: breaking it means the request conflicts with the
/// record's current state (the API answers 409), and asking again once the state has changed can succeed.
/// </summary>
public interface IStateRule : IBusinessRule;
