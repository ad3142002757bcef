// Who signed the current confidentiality pledge, and the signature itself (the full name typed).
import type { Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { CURRENT_PLEDGE_VERSION } from "./pledge-text";
import * as repo from "./pledges.repo.server";

const SIGNERS = ["SECRETARY", "AGENCY_OWNER"];

export async function hasSignedCurrentPledge(userId: string, tx?: Tx): Promise<boolean> {
  return (await repo.findPledge(userId, CURRENT_PLEDGE_VERSION, tx)) !== null;
}

async function requireSigner(actorId: string) {
  const user = await repo.findSigner(actorId);
  if (!user || !SIGNERS.includes(user.kind))
    throw new DomainError(
      "FORBIDDEN",
      "L’engagement de confidentialité concerne les secrétaires et les agences.",
    );
  return user;
}

export async function getPledgePage({ actorId }: { actorId: string }) {
  const user = await requireSigner(actorId);
  const pledge = await repo.findPledge(actorId, CURRENT_PLEDGE_VERSION);
  return {
    displayName: user.displayName,
    version: CURRENT_PLEDGE_VERSION,
    signed: pledge ? { fullName: pledge.fullName, acceptedAt: pledge.acceptedAt.toISOString() } : null,
  };
}

export async function signPledge({ actorId, fullName }: { actorId: string; fullName: string }) {
  await requireSigner(actorId);
  await repo.createPledgeOnce(actorId, CURRENT_PLEDGE_VERSION, fullName);
}

/** The ones among these users who have not signed the current pledge (an agency's named members). */
export async function usersWithoutPledge(userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const signed = await repo.findSignedUserIds(userIds, CURRENT_PLEDGE_VERSION);
  return userIds.filter((id) => !signed.has(id));
}
