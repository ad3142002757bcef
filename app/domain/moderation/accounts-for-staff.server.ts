// The staff page of one account (/moderation/utilisateurs/:userId): who she is and what a
// suspension would touch.
import { db } from "#app/lib/db.server";
import { forbidden, notFound } from "#app/lib/domain-error";
import { canModerate } from "./moderation.policy";
import { canSuspendUser, type SafetyActor } from "./safety.policy";
import type { AccountForStaff } from "./safety.schema";
import * as repo from "./suspensions.repo.server";
import { countOpenReportsAbout } from "#app/domain/reports/reports.repo.server";

export async function getAccountForStaff({
  actor,
  userId,
}: {
  actor: SafetyActor;
  userId: string;
}): Promise<AccountForStaff> {
  if (!canModerate(actor)) throw forbidden("Cette page est réservée à l’équipe de modération.");
  const account = await repo.findAccount(db, userId);
  if (!account) throw notFound("Ce compte");
  const owned = account.memberships.map((m) => m.organizationId);
  const [liveProposals, openContracts, openReports] = await Promise.all([
    repo.countLiveProposals(account.id),
    repo.findOpenContractIds(db, account.id, owned).then((ids) => ids.length),
    countOpenReportsAbout(account.id),
  ]);
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    kind: account.kind,
    role: account.role,
    suspendedAt: account.suspendedAt?.toISOString() ?? null,
    suspensionReason: account.suspensionReason,
    profile: account.secretaryProfile,
    liveProposals,
    openContracts,
    openReports,
    canAct: canSuspendUser(actor, account),
  };
}
