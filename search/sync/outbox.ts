// Writing side of the search outbox: a row says "document X of index Y may have changed".
// It is written inside the caller's transaction, so it exists exactly when the change committed;
// the worker then reads the current state of X, so the row never needs to carry the new values.
import type { Tx } from "#app/lib/db.server";
import type { IndexName } from "../documents";

export async function enqueueSearchUpdate(tx: Tx, index: IndexName, documentId: string): Promise<void> {
  await tx.searchOutbox.create({ data: { indexName: index, documentId }, select: { id: true } });
}

export async function enqueueSearchUpdates(tx: Tx, index: IndexName, documentIds: string[]): Promise<void> {
  if (documentIds.length === 0) return;
  await tx.searchOutbox.createMany({
    data: documentIds.map((documentId) => ({ indexName: index, documentId })),
  });
}

/** For changes made to a user (suspension, display name): her profile's document shows them. */
export async function enqueueProfileOfUser(tx: Tx, userId: string): Promise<void> {
  const profile = await tx.secretaryProfile.findUnique({ where: { userId }, select: { id: true } });
  if (profile) await enqueueSearchUpdate(tx, "secretaries", profile.id);
}

/** An agency's name is on its members' documents: a change to the agency enqueues all of them. */
export async function enqueueAgencyMembers(tx: Tx, agencyId: string): Promise<void> {
  const profiles = await tx.secretaryProfile.findMany({ where: { agencyId }, select: { id: true } });
  await enqueueSearchUpdates(
    tx,
    "secretaries",
    profiles.map((profile) => profile.id),
  );
}
