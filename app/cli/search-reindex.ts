// Rebuilds every search index from the database:  npm run search:reindex
// With Meilisearch each index is filled beside the live one and swapped in (no downtime); the
// embedded engine replaces its content in one transaction. See docs/decisions/006.
import type { DocumentOf } from "#search/documents";
import { closeSearchEngine, getSearchEngine } from "#search/engine-factory";
import { loadAllDocuments, syncedIndexes, type SyncedIndex } from "#search/sync/load-documents";
import { enqueueSearchUpdates } from "#search/sync/outbox";
import { db } from "#app/lib/db.server";

/** Ids whose document differs between two snapshots (added, removed or changed). */
function changedIds(before: { id: string }[], after: { id: string }[]): string[] {
  const old = new Map(before.map((d) => [d.id, JSON.stringify(d)]));
  const changed = new Set<string>();
  for (const d of after) {
    if (old.get(d.id) !== JSON.stringify(d)) changed.add(d.id);
    old.delete(d.id);
  }
  for (const id of old.keys()) changed.add(id); // left the index meanwhile
  return [...changed];
}

async function reindex(index: SyncedIndex): Promise<string> {
  const started = Date.now();
  const engine = await getSearchEngine();
  const snapshot: DocumentOf<SyncedIndex>[] = await loadAllDocuments(index);
  await engine.replaceAll(index, snapshot);
  // The outbox worker may have written a change to the old content while the snapshot was being
  // indexed; the swap dropped it. Whatever moved since the snapshot goes back through the outbox.
  const moved = changedIds(snapshot, await loadAllDocuments(index));
  await db.$transaction((tx) => enqueueSearchUpdates(tx, index, moved));
  const count = await engine.count(index);
  return `${index} : ${count} documents indexés (${engine.name}, ${Date.now() - started} ms, ${moved.length} modifiés pendant la reconstruction).`;
}

async function main(): Promise<number> {
  try {
    for (const index of syncedIndexes) console.log(await reindex(index));
    return 0;
  } catch (error) {
    console.error(`Réindexation impossible : ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await closeSearchEngine();
    await db.$disconnect();
  }
}

process.exitCode = await main();
