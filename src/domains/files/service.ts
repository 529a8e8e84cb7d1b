import { sql } from 'drizzle-orm';
import type { Actor } from '../../shared/actor';
import { notFound } from '../../shared/errors';
import { scopeCondition } from '../../platform/db/scope';
import { queryOne, toIsoTimestamp, type Db } from '../../platform/db/types';
import { newId, sha256Hex } from '../../platform/ids';
import { recordAudit } from '../audit';
import { checkUpload, cleanFileName, contentTypes, type FilePurpose } from './rules';

/**
 * Files (photos, evidence, import files) are stored in the database, so several server processes
 * and a backup see the same files. A file belongs to the uploader's org unit (or enterprise) and
 * is readable by whoever's scope covers that unit, and by its uploader.
 */
export type StoredFile = { id: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; purpose: string; createdAt: string };

export async function storeFile(db: Db, options: { actor: Actor; purpose: FilePurpose; fileName: string; bytes: Uint8Array; orgUnitId?: string | null }): Promise<StoredFile> {
  const { actor } = options;
  const kind = checkUpload(options.purpose, options.fileName, options.bytes);
  const id = newId();
  const fileName = cleanFileName(options.fileName);
  const sha256 = sha256Hex(Buffer.from(options.bytes));
  const orgUnitId = options.orgUnitId ?? actor.orgUnitId;
  return db.transaction(async (tx) => {
    const row = await queryOne<{ created_at: string }>(
      tx,
      sql`INSERT INTO files (id, purpose, file_name, content_type, size_bytes, sha256, content, org_unit_id, enterprise_id, created_by)
          VALUES (${id}, ${options.purpose}, ${fileName}, ${contentTypes[kind]}, ${options.bytes.length}, ${sha256}, ${Buffer.from(options.bytes)},
                  ${orgUnitId}, ${actor.enterpriseId}, ${actor.userId})
          RETURNING created_at::text`,
    );
    await recordAudit(tx, actor, { action: 'file.upload', entityType: 'file', entityId: id, orgUnitId, summary: `上传${options.purpose}：${fileName}`, after: { fileName, sizeBytes: options.bytes.length, sha256 } });
    return { id, fileName, contentType: contentTypes[kind], sizeBytes: options.bytes.length, sha256, purpose: options.purpose, createdAt: toIsoTimestamp(row?.created_at ?? new Date()) };
  });
}

type FileRow = { id: string; file_name: string; content_type: string; size_bytes: number; sha256: string; purpose: string; created_at: string; content: Uint8Array | Buffer };

function readableBy(actor: Actor) {
  return sql`(created_by = ${actor.userId} OR ${scopeCondition(actor.scope, { orgColumn: sql`org_unit_id`, enterpriseColumn: sql`enterprise_id`, userColumn: sql`created_by` })})`;
}

export async function getFileContent(db: Db, options: { actor: Actor; id: string }): Promise<StoredFile & { content: Uint8Array }> {
  const row = await queryOne<FileRow>(
    db,
    sql`SELECT id, file_name, content_type, size_bytes, sha256, purpose, created_at::text, content FROM files WHERE id = ${options.id} AND ${readableBy(options.actor)}`,
  );
  if (!row) throw notFound('file.not_found', '文件不存在或无权查看');
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    purpose: row.purpose,
    createdAt: toIsoTimestamp(row.created_at),
    content: row.content instanceof Uint8Array ? row.content : new Uint8Array(row.content),
  };
}

/** Metadata of files by id, visible to the actor (domains use it to show attachments). */
export async function findFiles(db: Db, options: { actor: Actor; ids: string[] }): Promise<StoredFile[]> {
  if (options.ids.length === 0) return [];
  const rows = await db.execute(
    sql`SELECT id, file_name, content_type, size_bytes, sha256, purpose, created_at::text FROM files
        WHERE id IN (${sql.join(options.ids.map((id) => sql`${id}`), sql`, `)}) AND ${readableBy(options.actor)}`,
  );
  return (rows as unknown as { rows: FileRow[] }).rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    purpose: r.purpose,
    createdAt: toIsoTimestamp(r.created_at),
  }));
}
