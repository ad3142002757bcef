// Replacement periods inside a contract: a party names a secretary who covers an assignee for a
// period (see contracts/README.md). The replacement becomes an assignee, so she reads the contract
// and logs her work inside her period (contract-assignees.ts).
import { parisToday } from "#app/domain/missions/schedule";
import { db, type Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { requireContractAccess } from "./contract-access.server";
import { asWriteConflict } from "./contract-conflicts.server";
import { mayManageReplacements } from "./contract-page.server";
import { profileSlugFrom, replacementPeriodProblem } from "./contract-replacement-rules";
import type { ReplacementInput } from "./contracts.schema";

export type ReplacementResult =
  | { ok: true; replacementId: string }
  | { ok: false; fieldErrors: Partial<Record<keyof ReplacementInput, string[]>> };

export const NOT_RUNNING_MESSAGE = "Un remplacement se prévoit sur un contrat en cours ou en pause.";
export const NO_SUCH_SECRETARY_MESSAGE =
  "Aucune secrétaire publiée sur Permanence ne correspond à cette adresse de profil.";
const fail = (field: keyof ReplacementInput, message: string): Extract<ReplacementResult, { ok: false }> => ({
  ok: false,
  fieldErrors: { [field]: [message] },
});
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

async function requireManager(tx: Tx, actorId: string, contractId: string) {
  const access = await requireContractAccess({ actorId, contractId }, tx);
  if (access.role !== "BUSINESS" && access.role !== "PROVIDER") {
    throw new DomainError("FORBIDDEN", "Seules les parties au contrat prévoient un remplacement.");
  }
  if (!mayManageReplacements(access.role, access.contract.status))
    throw new DomainError("CONFLICT", NOT_RUNNING_MESSAGE);
  return access;
}

/** A published secretary, named by her profile's address or slug (never by e-mail: see README). */
async function findReplacementSecretary(tx: Tx, text: string) {
  const slug = profileSlugFrom(text);
  if (!slug) return null;
  return tx.secretaryProfile.findFirst({
    where: { slug, status: "PUBLISHED", user: { suspendedAt: null } },
    select: { userId: true },
  });
}

const assigneeSelect = {
  id: true,
  userId: true,
  role: true,
  replacesId: true,
  startsOn: true,
  endsOn: true,
  cancelledAt: true,
} as const;

type Checked = { ok: true; replacedId: string; userId: string } | Extract<ReplacementResult, { ok: false }>;

/** Every rule of a replacement period, first problem wins; reads only. */
async function checkReplacement(tx: Tx, contractId: string, input: ReplacementInput): Promise<Checked> {
  const contract = await tx.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: { startDate: true, endDate: true, assignees: { select: assigneeSelect } },
  });
  const replaced = contract.assignees.find(
    (a) => a.id === input.replacesAssigneeId && a.cancelledAt === null && a.role !== "REPLACEMENT",
  );
  if (!replaced) return fail("replacesAssigneeId", "Choisissez une personne qui travaille sur ce contrat.");
  const secretary = await findReplacementSecretary(tx, input.secretary);
  if (!secretary) return fail("secretary", NO_SUCH_SECRETARY_MESSAGE);
  if (secretary.userId === replaced.userId)
    return fail("secretary", "Une personne ne peut pas se remplacer elle-même.");
  const otherPeriods = contract.assignees
    .filter((a) => a.role === "REPLACEMENT" && a.replacesId === replaced.id && a.cancelledAt === null)
    .flatMap((a) =>
      a.startsOn && a.endsOn ? [{ startsOn: isoDay(a.startsOn), endsOn: isoDay(a.endsOn) }] : [],
    );
  const problem = replacementPeriodProblem({
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    today: parisToday(),
    contractStart: isoDay(contract.startDate),
    contractEnd: contract.endDate ? isoDay(contract.endDate) : null,
    otherPeriods,
  });
  if (problem) return fail(problem.field, problem.message);
  return { ok: true, replacedId: replaced.id, userId: secretary.userId };
}

/** The provider side or the business names a replacement; bad input comes back as field errors. */
export async function addReplacement({
  actorId,
  contractId,
  input,
}: {
  actorId: string;
  contractId: string;
  input: ReplacementInput;
}): Promise<ReplacementResult> {
  try {
    return await db.$transaction(async (tx) => {
      await requireManager(tx, actorId, contractId);
      const checked = await checkReplacement(tx, contractId, input);
      if (!checked.ok) return checked;
      const created = await tx.contractAssignee.create({
        data: {
          contractId,
          userId: checked.userId,
          role: "REPLACEMENT",
          startsOn: new Date(`${input.startsOn}T00:00:00Z`),
          endsOn: new Date(`${input.endsOn}T00:00:00Z`),
          replacesId: checked.replacedId,
          createdById: actorId,
        },
        select: { id: true },
      });
      return { ok: true, replacementId: created.id };
    });
  } catch (error) {
    throw asWriteConflict(error);
  }
}

/** Only before the period starts: once it started, the replacement may have logged work. */
export async function cancelReplacement({
  actorId,
  contractId,
  replacementId,
}: {
  actorId: string;
  contractId: string;
  replacementId: string;
}) {
  try {
    await db.$transaction(async (tx) => {
      await requireManager(tx, actorId, contractId);
      const { count } = await tx.contractAssignee.updateMany({
        where: {
          id: replacementId,
          contractId,
          role: "REPLACEMENT",
          cancelledAt: null,
          startsOn: { gt: new Date(`${parisToday()}T00:00:00Z`) },
        },
        data: { cancelledAt: new Date() },
      });
      if (count !== 1) {
        throw new DomainError(
          "CONFLICT",
          "Ce remplacement a déjà commencé ou a déjà été annulé : il ne peut plus être annulé.",
        );
      }
    });
  } catch (error) {
    throw asWriteConflict(error);
  }
}
