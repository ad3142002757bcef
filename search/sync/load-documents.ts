// Builds documents from the CURRENT database state: the outbox only names what changed, so
// whatever happened in between, the index receives what the database says now.
import { db } from "#app/lib/db.server";
import type { DocumentOf } from "../documents";
import {
  listedProfilesWhere,
  secretarySourceSelect,
  toSecretaryChange,
  toSecretaryDocument,
} from "./secretary-document";

/** Indexes the sync knows how to build; the missions issue adds "missions" here and below. */
export const syncedIndexes = ["secretaries"] as const;
export type SyncedIndex = (typeof syncedIndexes)[number];

export const isSyncedIndex = (name: string): name is SyncedIndex =>
  (syncedIndexes as readonly string[]).includes(name);

export type DocumentChanges<I extends SyncedIndex> = { upserts: DocumentOf<I>[]; removals: string[] };

/** Upserts for ids that have a document now, removals for the others (unpublished, suspended, deleted). */
export async function loadDocuments<I extends SyncedIndex>(
  _index: I,
  ids: string[],
): Promise<DocumentChanges<I>> {
  const unique = [...new Set(ids)];
  const rows = await db.secretaryProfile.findMany({
    where: { id: { in: unique } },
    select: secretarySourceSelect,
  });
  const changes: DocumentChanges<"secretaries"> = { upserts: [], removals: [] };
  const found = new Set<string>();
  for (const row of rows) {
    found.add(row.id);
    const change = toSecretaryChange(row);
    if (change.action === "upsert") changes.upserts.push(change.document);
    else changes.removals.push(change.id);
  }
  // A row that no longer exists (account deleted) must leave the index too.
  changes.removals.push(...unique.filter((id) => !found.has(id)));
  return changes as DocumentChanges<I>;
}

const PAGE_SIZE = 1000;

/** Every document of the index, read by id pages so 100k profiles never sit in one query. */
export async function loadAllDocuments<I extends SyncedIndex>(_index: I): Promise<DocumentOf<I>[]> {
  const documents: DocumentOf<"secretaries">[] = [];
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.secretaryProfile.findMany({
      where: listedProfilesWhere,
      orderBy: { id: "asc" },
      take: PAGE_SIZE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: secretarySourceSelect,
    });
    for (const row of rows) documents.push(toSecretaryDocument(row));
    if (rows.length < PAGE_SIZE) return documents as DocumentOf<I>[];
    cursor = rows[rows.length - 1]!.id;
  }
}

/** How many documents the index should hold, to tell an empty or stale index at start. */
export async function countListedDocuments(_index: SyncedIndex): Promise<number> {
  return db.secretaryProfile.count({ where: listedProfilesWhere });
}
