using System.Security.Cryptography;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using static Weasel.Postgresql.SchemaUtils;

namespace CalaisReturns.Finance.Documenting;

/// <summary>
/// The bytes of supporting documents, in PostgreSQL beside the events (a second host reads what the first stored, and a
/// backup holds both). A row is written in the transaction of the event that attaches it, marked when the document is
/// removed, and its bytes deleted when a removed document's retention ends. The row is not the record: the sealed event
/// holds the digest a download checks the bytes against.
/// </summary>
public static class SupportingFiles
{
    public const string TableName = "supporting_file";

    /// <summary>The largest file accepted: 10 MB.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The request that carries one: the file and the few form fields beside it.</summary>
    public const long MaxRequestBytes = MaxBytes + 64 * 1024;

    public static void AddTable(StoreOptions options)
    {
        var table = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, TableName, IdentifierUsage.General));
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<Guid>("flight_id").NotNull();
        table.AddColumn("content", "bytea");
        table.AddColumn<DateTimeOffset>("stored_at").NotNull();
        table.AddColumn<DateTimeOffset>("removed_at");
        table.AddColumn<DateTimeOffset>("deleted_at");
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_removed") { Columns = ["removed_at"], Predicate = "deleted_at is null and removed_at is not null" });
        options.Storage.ExtendedSchemaObjects.Add(table);
    }

    /// <summary>The media type the content shows itself to be (PDF, PNG or JPEG), whatever the name or the sender says; null for anything else.</summary>
    public static string? MediaTypeOf(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? "application/pdf"
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;

    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Queues the row with the session's events: both are committed, or neither.</summary>
    public static void Store(IDocumentSession session, Guid documentId, Guid flightId, byte[] content, DateTimeOffset now) =>
        session.QueueSqlCommand($"insert into {Table(session)} (id, flight_id, content, stored_at) values (?, ?, ?, ?)",
            documentId, flightId, content, now);

    public static void MarkRemoved(IDocumentSession session, Guid documentId, DateTimeOffset now) =>
        session.QueueSqlCommand($"update {Table(session)} set removed_at = ? where id = ?", now, documentId);

    public static void Delete(IDocumentSession session, Guid documentId, DateTimeOffset now) =>
        session.QueueSqlCommand($"update {Table(session)} set content = null, deleted_at = ? where id = ?", now, documentId);

    /// <summary>The stored bytes, or null where there are none (deleted, or never stored).</summary>
    public static async Task<byte[]?> Read(IQuerySession session, Guid documentId, CancellationToken ct)
    {
        var rows = await session.AdvancedSql.QueryAsync<string?>(
            $"select encode(content, 'base64') from {Table(session)} where id = ?", ct, documentId);
        return rows is [{ } base64] ? Convert.FromBase64String(base64) : null;
    }

    /// <summary>The removed documents whose bytes are still kept and were removed before the instant.</summary>
    public static Task<IReadOnlyList<RemovedFile>> RemovedBefore(IQuerySession session, DateTimeOffset before, CancellationToken ct) =>
        session.AdvancedSql.QueryAsync<RemovedFile>(
            $"select json_build_object('{nameof(RemovedFile.Document)}', id, '{nameof(RemovedFile.Flight)}', flight_id) "
            + $"from {Table(session)} where deleted_at is null and removed_at < ?", ct, before);

    private static string Table(IQuerySession session) => $"{session.DocumentStore.Options.DatabaseSchemaName}.{TableName}";
}

public sealed record RemovedFile(Guid Document, Guid Flight);
