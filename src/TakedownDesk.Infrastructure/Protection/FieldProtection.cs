using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Documents;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Prevention;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Kinds;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Infrastructure.Protection;

/// <summary>
/// Keeps the domain in plaintext and the database in ciphertext. Each protected property is ignored by the model and
/// stored in a shadow column instead: sealed with the victim's data key when the context saves, opened when an entity
/// is materialized. A location's URL also gets a keyed index value (HMAC-SHA256) for the unique index.
/// </summary>
public sealed class FieldProtection(VictimKeyRing keys, MasterKeyRing masterKeys)
{
    public const string UrlIndexKey = "UrlIndexKey";

    private static readonly ProtectedField[] Fields =
    [
        new(typeof(Victim), nameof(Victim.Details), "DetailsCipher", e => JsonSerializer.Serialize(((Victim)e).Details), (e, v) => Set(e, nameof(Victim.Details), JsonSerializer.Deserialize<ConfidentialDetails>(v!))),
        new(typeof(ContactChannel), nameof(ContactChannel.Value), "ValueCipher", e => ((ContactChannel)e).Value, (e, v) => Set(e, nameof(ContactChannel.Value), v)),
        new(typeof(ContactChannel), nameof(ContactChannel.SafetyNote), "SafetyNoteCipher", e => ((ContactChannel)e).SafetyNote, (e, v) => Set(e, nameof(ContactChannel.SafetyNote), v)),
        new(typeof(Release), nameof(Release.SignedBy), "SignedByCipher", e => ((Release)e).SignedBy, (e, v) => Set(e, nameof(Release.SignedBy), v)),
        new(typeof(Release), nameof(Release.RevocationReason), "RevocationReasonCipher", e => ((Release)e).RevocationReason, (e, v) => Set(e, nameof(Release.RevocationReason), v)),
        new(typeof(Location), nameof(Location.Url), "UrlCipher", e => ((Location)e).Url, SetUrl),
        new(typeof(LocationCheck), nameof(LocationCheck.FinalUrl), "FinalUrlCipher", e => ((LocationCheck)e).FinalUrl, (e, v) => Set(e, nameof(LocationCheck.FinalUrl), v)),
        new(typeof(GeneratedDocument), nameof(GeneratedDocument.PdfBase64), "PdfCipher", e => ((GeneratedDocument)e).PdfBase64, (e, v) => Set(e, nameof(GeneratedDocument.PdfBase64), v)),
        new(typeof(Incident), nameof(Incident.Description), "DescriptionCipher", e => ((Incident)e).Description, (e, v) => Set(e, nameof(Incident.Description), v)),
        new(typeof(CaseNote), nameof(CaseNote.Text), "TextCipher", e => ((CaseNote)e).Text, (e, v) => Set(e, nameof(CaseNote.Text), v)),
        new(typeof(PhotoSource), nameof(PhotoSource.Platform), "PlatformCipher", e => ((PhotoSource)e).Platform, (e, v) => Set(e, nameof(PhotoSource.Platform), v)),
        new(typeof(PhotoSource), nameof(PhotoSource.Url), "UrlCipher", e => ((PhotoSource)e).Url, (e, v) => Set(e, nameof(PhotoSource.Url), v)),
        new(typeof(HashMatchingCase), nameof(HashMatchingCase.CaseNumber), "CaseNumberCipher", e => ((HashMatchingCase)e).CaseNumber, (e, v) => Set(e, nameof(HashMatchingCase.CaseNumber), v)),
        new(typeof(HashMatchingCase), nameof(HashMatchingCase.ConsentGivenBy), "ConsentGivenByCipher", e => ((HashMatchingCase)e).ConsentGivenBy, (e, v) => Set(e, nameof(HashMatchingCase.ConsentGivenBy), v)),
        new(typeof(CaseTask), nameof(CaseTask.Title), "TitleCipher", e => ((CaseTask)e).Title, (e, v) => Set(e, nameof(CaseTask.Title), v)),
        new(typeof(Depiction), nameof(Depiction.Label), "LabelCipher", e => ((Depiction)e).Label, (e, v) => Set(e, nameof(Depiction.Label), v)),
        Json<Incident, ModelOnHub>(nameof(Incident.Model), "ModelCipher", i => i.Model),
                Json<Location, List<LocationStatusChange>>(nameof(Location.History), "HistoryCipher", l => l.History),
        Json<RemovalRequest, SignatureBlock>(nameof(RemovalRequest.Signature), "SignatureCipher", r => r.Signature),
        Json<RemovalRequest, RequesterContact>(nameof(RemovalRequest.Contact), "ContactCipher", r => r.Contact),
        new(typeof(RemovalRequest), nameof(RemovalRequest.GoodFaithStatement), "GoodFaithStatementCipher", e => ((RemovalRequest)e).GoodFaithStatement, (e, v) => Set(e, nameof(RemovalRequest.GoodFaithStatement), v)),
        new(typeof(RemovalRequest), nameof(RemovalRequest.SupportingFacts), "SupportingFactsCipher", e => ((RemovalRequest)e).SupportingFacts, (e, v) => Set(e, nameof(RemovalRequest.SupportingFacts), v)),
        new(typeof(FtcReport), nameof(FtcReport.NoticesZipBase64), "NoticesZipCipher", e => ((FtcReport)e).NoticesZipBase64, (e, v) => Set(e, nameof(FtcReport.NoticesZipBase64), v)),
        new(typeof(RemovalRequest), nameof(RemovalRequest.DisputeReason), "DisputeReasonCipher", e => ((RemovalRequest)e).DisputeReason, (e, v) => Set(e, nameof(RemovalRequest.DisputeReason), v)),
        Json<RemovalRequest, ModelReportDetails>(nameof(RemovalRequest.ModelReport), "ModelReportCipher", r => r.ModelReport),
        Json<RemovalRequest, SearchDelistingDetails>(nameof(RemovalRequest.SearchDelisting), "SearchDelistingCipher", r => r.SearchDelisting),
        Json<RemovalRequest, TrainingOptOutDetails>(nameof(RemovalRequest.TrainingOptOut), "TrainingOptOutCipher", r => r.TrainingOptOut),
        Json<RemovalRequest, FaceSearchOptOutDetails>(nameof(RemovalRequest.FaceSearchOptOut), "FaceSearchOptOutCipher", r => r.FaceSearchOptOut),
    ];

    public static IEnumerable<ProtectedField> For(Type entityType) => Fields.Where(f => f.EntityType == entityType);

    /// <summary>The keyed index value of a normalised URL: equal URLs match without the URL being readable.</summary>
    public string UrlIndexOf(string urlKey) => UrlIndexOf(masterKeys.IndexKey(), urlKey);

    private static string UrlIndexOf(byte[] indexKey, string urlKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(indexKey, Encoding.UTF8.GetBytes(urlKey)));

    /// <summary>Seals every protected value that is new or changed; unchanged ciphertext is left alone (no needless writes).</summary>
    public void Protect(ChangeTracker tracker)
    {
        var indexKey = new Lazy<byte[]>(masterKeys.IndexKey);
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Deleted or EntityState.Detached)
            {
                continue;
            }

            var entity = entry.Entity;
            foreach (var field in For(entity.GetType()))
            {
                var plaintext = field.Read(entity);
                var column = entry.Property(field.Shadow);
                if (Holds((byte[]?)column.CurrentValue, plaintext, field, entity))
                {
                    continue;
                }

                var victimId = VictimIdOf(entry);
                column.CurrentValue = plaintext is null
                    ? null
                    : FieldEnvelope.Seal(keys.GetOrCreate(victimId), victimId, Encoding.UTF8.GetBytes(plaintext), field.AssociatedData(entity));
            }

            if (entity is Location location)
            {
                var index = entry.Property(UrlIndexKey);
                var value = UrlIndexOf(indexKey.Value, location.UrlKey);
                if (!string.Equals((string?)index.CurrentValue, value, StringComparison.Ordinal))
                {
                    index.CurrentValue = value;
                }
            }
        }
    }

    public void Reveal(MaterializationInterceptionData materializationData, object entity)
    {
        foreach (var field in For(entity.GetType()))
        {
            var envelope = materializationData.GetPropertyValue<byte[]?>(field.Shadow);
            field.Write(entity, envelope is null ? null : Open(envelope, field, entity));
        }
    }

    private static Guid VictimIdOf(EntityEntry entry) => entry.Entity switch
    {
        Victim victim => victim.Id,
        Location location => location.VictimId,
        LocationCheck check => check.VictimId,
        GeneratedDocument document => document.VictimId,
        RemovalRequest request => request.VictimId,
        CaseNote note => note.VictimId,
        CaseTask task => task.VictimId,
        Incident or Depiction => CaseOf(entry).VictimId,
        _ => (Guid)entry.Property("VictimId").CurrentValue!,
    };

    /// <summary>Incidents and depictions are saved with their case (one aggregate), so the case is always tracked.</summary>
    private static Case CaseOf(EntityEntry entry)
    {
        var caseId = (Guid)entry.Property("CaseId").CurrentValue!;
        return entry.Context.ChangeTracker.Entries<Case>().Select(c => c.Entity).FirstOrDefault(c => c.Id == caseId)
               ?? throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} was saved without its case.");
    }

    /// <summary>A value object stored as one sealed JSON document (null stays null).</summary>
    private static ProtectedField Json<TEntity, TValue>(string property, string shadow, Func<TEntity, TValue?> read) =>
        new(
            typeof(TEntity),
            property,
            shadow,
            e => read((TEntity)e) is { } value ? JsonSerializer.Serialize(value) : null,
            (e, v) => Set(e, property, v is null ? null : JsonSerializer.Deserialize<TValue>(v)));

    private static void Set(object entity, string property, object? value) =>
        entity.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(entity, value);

    private static void SetUrl(object entity, string? url)
    {
        Set(entity, nameof(Location.Url), url);

        // The de-duplication key never leaves memory; the database holds only its keyed HMAC.
        Set(entity, nameof(Location.UrlKey), NormalizedUrl.Create(url!).Key);
    }

    private string Open(byte[] envelope, ProtectedField field, object entity) =>
        Encoding.UTF8.GetString(FieldEnvelope.Open(keys.Get(FieldEnvelope.KeyIdOf(envelope)), envelope, field.AssociatedData(entity)));

    private bool Holds(byte[]? envelope, string? plaintext, ProtectedField field, object entity) =>
        envelope is null ? plaintext is null : plaintext is not null && string.Equals(Open(envelope, field, entity), plaintext, StringComparison.Ordinal);
}

public sealed record ProtectedField(Type EntityType, string Property, string Shadow, Func<object, string?> Read, Action<object, string?> Write)
{
    /// <summary>Binds a ciphertext to its column and row.</summary>
    public byte[] AssociatedData(object entity) => Encoding.UTF8.GetBytes($"{EntityType.Name}.{Property}:{((Entity)entity).Id:N}");
}

/// <summary>
/// One instance for every context (a per-scope interceptor would make EF Core build a service provider per scope);
/// it hands each materialized entity to the protection of the context that read it.
/// </summary>
public sealed class FieldRevealingInterceptor : IMaterializationInterceptor
{
    public static readonly FieldRevealingInterceptor Instance = new();

    private FieldRevealingInterceptor()
    {
    }

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (materializationData.Context is Persistence.TakedownDeskDbContext { Protection: { } protection })
        {
            protection.Reveal(materializationData, entity);
        }
        else if (FieldProtection.For(entity.GetType()).Any())
        {
            throw new InvalidOperationException("Protected fields were read by a context without field protection.");
        }

        return entity;
    }
}
