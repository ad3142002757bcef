// Use cases of the contract pages: the list of my contracts and the parties' status actions.
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { requireContractAccess, loadContractViewer } from "./contract-access.server";
import { asWriteConflict } from "./contract-conflicts.server";
import { billingModeLabel, statusLabel } from "./contract-labels";
import { contractStatuses, type ContractActor, type ContractEvent } from "./contract-machine";
import { transitionContract } from "./contract-transition.server";
import { findContractsFor } from "./contracts.repo.server";

const staffEvents: readonly ContractEvent[] = [
  "CANCEL_BY_STAFF",
  "RESOLVE_RESUME",
  "RESOLVE_COMPLETE",
  "RESOLVE_CANCEL",
];

/**
 * A party (or staff, for the staff events) moves the contract. Assignees who did not sign only read.
 * The actor's side comes from the database, never from the form.
 */
export async function changeContractStatus(input: {
  actorId: string;
  contractId: string;
  event: ContractEvent;
  reason?: string | null;
}) {
  try {
    return await db.$transaction(async (tx) => {
      const access = await requireContractAccess(input, tx);
      const as = actorFor(access.role, access.viewer.role, input.event);
      return transitionContract(tx, {
        contractId: access.contract.id,
        event: input.event,
        actor: { id: access.viewer.id, as },
        reason: input.reason,
      });
    });
  } catch (error) {
    throw asWriteConflict(error);
  }
}

/** Staff events are done as STAFF even by a staff member who also reads as a party. */
function actorFor(role: string, userRole: string, event: ContractEvent): ContractActor {
  const isStaff = userRole === "MODERATOR" || userRole === "ADMIN";
  if (isStaff && (role === "STAFF" || staffEvents.includes(event))) return "STAFF";
  if (role === "BUSINESS" || role === "PROVIDER") return role;
  throw new DomainError("FORBIDDEN", "Seules les parties au contrat peuvent effectuer cette action.");
}

/** /contrats: every contract the viewer is party to or assigned on, grouped by status. */
export async function listMyContracts({ actorId }: { actorId: string }) {
  const viewer = await loadContractViewer(actorId);
  if (!viewer) throw new DomainError("UNAUTHENTICATED", "Connectez-vous pour voir vos contrats.");
  const rows = await findContractsFor(viewer);
  const items = rows.map((row) => ({
    id: row.id,
    status: row.status,
    title: row.mission.title,
    businessName: row.organization.name,
    agencyName: row.agency?.name ?? null,
    billingMode: billingModeLabel(row.billingMode),
    startDate: row.startDate.toISOString().slice(0, 10),
    endDate: row.endDate?.toISOString().slice(0, 10) ?? null,
    awaitingMe:
      row.status === "PENDING" &&
      ((viewer.businessIds.includes(row.organizationId) && !row.businessAcceptedAt) ||
        (row.providerUserId === viewer.id && !row.providerAcceptedAt)),
  }));
  return {
    groups: contractStatuses
      .map((status) => ({
        status,
        label: statusLabel(status),
        contracts: items.filter((i) => i.status === status),
      }))
      .filter((group) => group.contracts.length > 0),
  };
}
