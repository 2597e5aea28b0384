using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Common;

namespace TakedownDesk.Application.Facts;

/// <summary>
/// Hands every fact the tracked aggregates stated to its reactions, until none is left (a reaction may change an
/// aggregate that states a further fact). The context refuses to save while a fact is pending, so none is lost.
/// </summary>
public sealed class DomainFactDispatcher(ITakedownDeskDb db, IServiceProvider services)
{
    private const int MaxRounds = 10;

    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IDomainFact, CancellationToken, ValueTask>> Dispatchers = new();

    private static readonly MethodInfo DispatchOfT =
        typeof(DomainFactDispatcher).GetMethod(nameof(DispatchAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async ValueTask DispatchPendingAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var facts = db.TakePendingFacts();
            if (facts.Count == 0)
            {
                return;
            }

            foreach (var fact in facts)
            {
                await Dispatchers.GetOrAdd(fact.GetType(), Build)(services, fact, cancellationToken);
            }
        }

        throw new InvalidOperationException($"Domain facts were still being stated after {MaxRounds} rounds of reactions: a reaction loop.");
    }

    private static Func<IServiceProvider, IDomainFact, CancellationToken, ValueTask> Build(Type factType) =>
        DispatchOfT.MakeGenericMethod(factType).CreateDelegate<Func<IServiceProvider, IDomainFact, CancellationToken, ValueTask>>();

    private static async ValueTask DispatchAsync<TFact>(IServiceProvider services, IDomainFact fact, CancellationToken cancellationToken)
        where TFact : IDomainFact
    {
        foreach (var reaction in services.GetServices<IReactTo<TFact>>())
        {
            await reaction.ReactAsync((TFact)fact, cancellationToken);
        }
    }
}
