using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TakedownDesk.Application.Ports;
using TakedownDesk.Infrastructure.Staff;

namespace TakedownDesk.IntegrationTests.Support;

/// <summary>The real staff directory, except while <see cref="Broken"/>: a cause of failing steps that a supervisor can fix.</summary>
public sealed class FlakyStaffDirectory
{
    public const string Failure = "staff directory unavailable";

    public bool Broken { get; set; } = true;

    /// <summary>Puts this switch in front of the app's directory.</summary>
    public void Install(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Scoped<IStaffDirectory>(provider => new Switched(this, ActivatorUtilities.CreateInstance<StaffDirectory>(provider))));

    private sealed class Switched(FlakyStaffDirectory flaky, IStaffDirectory real) : IStaffDirectory
    {
        public Task<StaffContact?> GetAsync(string staffId, CancellationToken cancellationToken) =>
            flaky.Broken ? throw new InvalidOperationException(Failure) : real.GetAsync(staffId, cancellationToken);

        public Task<IReadOnlyList<StaffContact>> SupervisorsAsync(CancellationToken cancellationToken) =>
            flaky.Broken ? throw new InvalidOperationException(Failure) : real.SupervisorsAsync(cancellationToken);

        public Task<IReadOnlyList<StaffContact>> AllAsync(CancellationToken cancellationToken) =>
            flaky.Broken ? throw new InvalidOperationException(Failure) : real.AllAsync(cancellationToken);
    }
}
