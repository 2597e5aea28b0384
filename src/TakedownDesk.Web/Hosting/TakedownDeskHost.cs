using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;
using TakedownDesk.Application.Alerts;
using TakedownDesk.Application.Behaviours;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Facts;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Infrastructure;
using TakedownDesk.Infrastructure.Documents;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.Infrastructure.Protection;
using TakedownDesk.Web.Api;
using TakedownDesk.Web.Api.Contract;
using TakedownDesk.Web.Security;

namespace TakedownDesk.Web.Hosting;

/// <summary>The composition root: the one place that knows every layer.</summary>
public static class TakedownDeskHost
{
    public const string AdministratorPolicy = "administrator";

    /// <summary>Supervisors and administrators: those who see every case and look after what failed.</summary>
    public const string SupervisorPolicy = "supervisor";
    public const string PrometheusEndpointKey = "Observability:PrometheusEndpoint";
    private const string StaffScheme = "staff";

    /// <summary>Everything a use case needs, for the web host, the command line and scheduled work alike.</summary>
    public static IServiceCollection AddTakedownDesk(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataDirectory = DataDirectory.Resolve(configuration, environment);
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(ITakedownDeskDb)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(PrintTurnBehaviour<,>),
                typeof(UnitOfWorkBehaviour<,>),
                typeof(ReadOnlyQueryBehaviour<,>),
                typeof(AuditBehaviour<,>),
            ];
        });
        services.AddValidatorsFromAssemblyContaining<ITakedownDeskDb>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddPersistence(configuration, dataDirectory);
        services.AddDocuments(configuration);
        services.AddScoped<RemovalNotices>();
        services.AddScoped<FollowUpLetters>();
        services.AddScoped<FtcReportPacks>();
        services.AddScoped<EscalationLadder>();
        services.AddScoped<StaffAlerts>();
        services.AddScoped<AlertMails>();
        services.AddScoped<FollowUpMail>();
        services.AddScoped<FollowUps>();
        services.AddFactReactions();
        services.AddEscalationsAndEmail(configuration, dataDirectory);

        // Outside an HTTP request (command line, scheduled jobs) the system acts; inside one, only the signed-in staff member.
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentStaff>(provider => provider.GetRequiredService<IHttpContextAccessor>().HttpContext is { } http
            ? new HttpCurrentStaff(http, provider.GetRequiredService<TimeProvider>())
            : new SystemStaff(provider.GetRequiredService<TimeProvider>()));

        // One key ring in the database for every instance; the application name, not the install path, scopes the keys.
        services.AddDataProtection().SetApplicationName("TakedownDesk").PersistKeysToDbContext<TakedownDeskDbContext>();
        services.AddOptions<KeyManagementOptions>().Configure<MasterKeyRing>((keys, masterKeys) => keys.XmlEncryptor = new MasterKeyXmlEncryptor(masterKeys));
        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length and a list of guessable passwords (GuessablePasswordValidator), not composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireDigit = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.Name;
                IdentitySchema.Configure(options.Stores);
            })
            .AddRoles<IdentityRole>()
            .AddPasswordValidator<GuessablePasswordValidator>()
            .AddUserStore<StaffUserStore>()
            .AddRoleStore<RoleStore<IdentityRole, TakedownDeskDbContext>>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.Name)
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();
        services.AddScoped<IStaffAccounts, StaffAccounts>();

        // The sign-in pages and the token step-up (StaffAccounts) count one account's attempts in the same place.
        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.Section);
        services.AddSingleton<SignInThrottle>();
        services.AddHealthChecks().AddReadinessChecks();
        return services;
    }

    /// <summary>Sign-in, the JSON API, the pages and their protections.</summary>
    public static IServiceCollection AddTakedownDeskWeb(this IServiceCollection services)
    {
        new IdentityBuilder(typeof(StaffUser), typeof(IdentityRole), services).AddSignInManager();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = StaffScheme;
                options.DefaultChallengeScheme = StaffScheme;
            })
            .AddPolicyScheme(StaffScheme, "Cookie or personal access token", options =>
                options.ForwardDefaultSelector = context =>
                    AccessTokenAuthenticationHandler.Carries(context.Request)
                        ? AccessTokenAuthenticationHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        PasskeySecondFactor.AddScheme(services.AddAuthentication());
        services.AddScoped<PasskeySecondFactor>();
        services.AddScoped<PasskeyRegistration>();
        services.Configure<IdentityPasskeyOptions>(PasskeyOrigin.Configure);
        services.ConfigureApplicationCookie(SessionLifetime.Configure);
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IOptions<SignInThrottleOptions>>((limiter, signIn) => SignInThrottle.AddPolicy(limiter, signIn.Value.AttemptsPerAddressPerMinute));
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(5));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdministratorPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Administrator))
            .AddPolicy(SupervisorPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Supervisor, StaffRoles.Administrator));

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "td.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;

            // The framework's default is None (never Secure); like the session cookie, Secure whenever the request is HTTPS.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // After the cookies' own settings, which it prefixes when the desk is served over HTTPS.
        services.AddReverseProxyAndHttps();
        services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new UnknownHandlerFilter());
            options.Conventions.AuthorizeFolder("/Admin", AdministratorPolicy);
            options.Conventions.AuthorizeFolder("/Supervision", SupervisorPolicy);
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;

            // Sent on every HTTPS response, whatever the host name: the desk is reached by whatever name its operator gives it.
            options.ExcludedHosts.Clear();
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<JsonOptions>(options => ApiJson.Configure(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi(ApiContract.Describe);

        // The app's meter and ASP.NET Core's, exported for Prometheus (GET /metrics when Observability:PrometheusEndpoint is true).
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(TakedownDeskMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return services;
    }

    public static WebApplication MapTakedownDesk(this WebApplication app)
    {
        app.UseReverseProxyAndHttps();
        app.UseWhen(context => !SessionLifetime.IsApi(context.Request), pages => pages.UseStatusCodePagesWithReExecute("/Status/{0}"));

        // An API refusal with no body of its own (no such route, a non-GUID id, a failed sign-in) still answers a problem document.
        app.UseWhen(context => SessionLifetime.IsApi(context.Request), api => api.UseStatusCodePages());
        app.UseExceptionHandler();
        app.UseHsts();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseReadOnlyTokenGate();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapHealthEndpoints();
        if (app.Configuration.GetValue<bool>(PrometheusEndpointKey))
        {
            // Counts and durations only; serve it to the scraper's network, not the internet (docs/OPERATIONS.md).
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        }

        app.MapOpenApi().RequireAuthorization();
        app.MapScalarApiReference().RequireAuthorization();
        app.MapApi();
        app.MapRazorPages();
        return app;
    }
}
