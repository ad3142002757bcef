// Builds documents from the CURRENT database state: the outbox only names what changed, so
// whatever happened in between, the index receives what the database says now.
import { db } from "#app/lib/db.server";
import type { DocumentOf } from "../documents";
import {
  listedMissionsWhere,
  missionSourceSelect,
  toMissionChange,
  toMissionDocument,
} from "./mission-document";
import {
  listedProfilesWhere,
  secretarySourceSelect,
  toSecretaryChange,
  toSecretaryDocument,
} from "./secretary-document";

/** Indexes the sync knows how to build. */
export const syncedIndexes = ["secretaries", "missions"] as const;
export type SyncedIndex = (typeof syncedIndexes)[number];

export const isSyncedIndex = (name: string): name is SyncedIndex =>
  (syncedIndexes as readonly string[]).includes(name);

export type DocumentChanges<I extends SyncedIndex> = { upserts: DocumentOf<I>[]; removals: string[] };

type Change<I extends SyncedIndex> =
  { action: "upsert"; document: DocumentOf<I> } | { action: "remove"; id: string };

/** How to read one index's rows: by ids (outbox), by id pages of listed rows (rebuild), and count them. */
type Source<I extends SyncedIndex> = {
  findByIds(ids: string[]): Promise<{ id: string; change: Change<I> }[]>;
  findListedPage(
    cursor: string | undefined,
    take: number,
  ): Promise<{ id: string; document: DocumentOf<I> }[]>;
  countListed(): Promise<number>;
};

const page = (cursor: string | undefined, take: number) => ({
  orderBy: { id: "asc" as const },
  take,
  ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
});

const sources: { [I in SyncedIndex]: Source<I> } = {
  secretaries: {
    async findByIds(ids) {
      const rows = await db.secretaryProfile.findMany({
        where: { id: { in: ids } },
        select: secretarySourceSelect,
      });
      return rows.map((row) => ({ id: row.id, change: toSecretaryChange(row) }));
    },
    async findListedPage(cursor, take) {
      const rows = await db.secretaryProfile.findMany({
        where: listedProfilesWhere,
        ...page(cursor, take),
        select: secretarySourceSelect,
      });
      return rows.map((row) => ({ id: row.id, document: toSecretaryDocument(row) }));
    },
    countListed: () => db.secretaryProfile.count({ where: listedProfilesWhere }),
  },
  missions: {
    async findByIds(ids) {
      const rows = await db.mission.findMany({ where: { id: { in: ids } }, select: missionSourceSelect });
      return rows.map((row) => ({ id: row.id, change: toMissionChange(row) }));
    },
    async findListedPage(cursor, take) {
      const rows = await db.mission.findMany({
        where: listedMissionsWhere,
        ...page(cursor, take),
        select: missionSourceSelect,
      });
      return rows.map((row) => ({ id: row.id, document: toMissionDocument(row) }));
    },
    countListed: () => db.mission.count({ where: listedMissionsWhere }),
  },
};

/** Upserts for ids that have a document now, removals for the others (unpublished, closed, deleted). */
export async function loadDocuments<I extends SyncedIndex>(
  index: I,
  ids: string[],
): Promise<DocumentChanges<I>> {
  const unique = [...new Set(ids)];
  const rows = await (sources[index] as Source<I>).findByIds(unique);
  const changes: DocumentChanges<I> = { upserts: [], removals: [] };
  const found = new Set<string>();
  for (const { id, change } of rows) {
    found.add(id);
    if (change.action === "upsert") changes.upserts.push(change.document);
    else changes.removals.push(change.id);
  }
  // A row that no longer exists (account or mission deleted) must leave the index too.
  changes.removals.push(...unique.filter((id) => !found.has(id)));
  return changes;
}

const PAGE_SIZE = 1000;

/** Every document of the index, read by id pages so 100k rows never sit in one query. */
export async function loadAllDocuments<I extends SyncedIndex>(index: I): Promise<DocumentOf<I>[]> {
  const source = sources[index] as Source<I>;
  const documents: DocumentOf<I>[] = [];
  let cursor: string | undefined;
  for (;;) {
    const rows = await source.findListedPage(cursor, PAGE_SIZE);
    for (const row of rows) documents.push(row.document);
    if (rows.length < PAGE_SIZE) return documents;
    cursor = rows[rows.length - 1]!.id;
  }
}

/** How many documents the index should hold, to tell an empty or stale index at start. */
export async function countListedDocuments(index: SyncedIndex): Promise<number> {
  return sources[index].countListed();
}
