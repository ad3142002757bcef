// What /contrats/:id shows, built for the viewer's role (parties, assignees, staff).
import { scheduleSummary } from "#app/domain/missions/mission-labels";
import { parisToday } from "#app/domain/missions/schedule";
import { billingMandateAt, currentBillingMandate } from "./billing-mandate";
import { requireContractAccess, contractNotFound } from "./contract-access.server";
import { assigneeRoleLabels, type AssigneeRole } from "./contract-assignees";
import { billingModeLabel, feeSentence, priceLines, statusLabel } from "./contract-labels";
import { checkContractTransition, isContractStatus } from "./contract-machine";
import { contractTermsSchema, type ContractTerms } from "./contract-terms";
import { isBusinessSide, type ContractViewerRole } from "./contracts.policy";
import { findContractForPage, findNames, type ContractPageRow } from "./contracts.repo.server";
import { eventOfIntent, partyIntents, type PartyIntent } from "./contracts.schema";

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export async function getContractPage({ actorId, contractId }: { actorId: string; contractId: string }) {
  const access = await requireContractAccess({ actorId, contractId });
  const row = await findContractForPage(contractId);
  if (!row) throw contractNotFound();
  const terms = contractTermsSchema.parse(row.terms);
  const names = await findNames(namesNeeded(row));
  const side = isBusinessSide(access.viewer, row)
    ? "BUSINESS"
    : row.providerUserId === actorId
      ? "PROVIDER"
      : null;
  return {
    contract: {
      id: row.id,
      missionId: row.missionId,
      status: row.status,
      statusLabel: statusLabel(row.status),
      startDate: isoDay(row.startDate)!,
      endDate: isoDay(row.endDate),
      createdAt: row.createdAt.toISOString(),
      activatedAt: row.activatedAt?.toISOString() ?? null,
      endedAt: row.endedAt?.toISOString() ?? null,
    },
    viewerRole: access.role,
    terms: termsView(terms, row),
    acceptance: acceptanceView(row, names, side),
    actions: allowedIntents(row.status, access.role),
    assignees: assigneesView(row, access.role),
    canManageReplacements: mayManageReplacements(access.role, row.status),
    milestones: row.milestones.map((m) => ({ ...m, dueDate: isoDay(m.dueDate) })),
    history: row.statusChanges.map((change) => ({
      id: change.id,
      from: change.from === "" ? null : statusLabel(change.from),
      to: statusLabel(change.to),
      actorName: change.actorId ? (names.get(change.actorId) ?? "Permanence") : "Permanence",
      reason: change.reason,
      at: change.createdAt.toISOString(),
    })),
  };
}
export type ContractPage = Awaited<ReturnType<typeof getContractPage>>;

function namesNeeded(row: ContractPageRow): string[] {
  const ids = [row.providerUserId, row.businessAcceptedById, ...row.statusChanges.map((c) => c.actorId)];
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

function termsView(terms: ContractTerms, row: ContractPageRow) {
  return {
    missionTitle: terms.mission.title,
    description: terms.mission.description,
    schedule: scheduleSummary(terms.mission),
    workMode: terms.mission.workMode,
    commune: terms.mission.commune,
    medicalSecrecy: terms.mission.medicalSecrecy,
    business: terms.business,
    provider: terms.provider,
    businessName: row.organization.name,
    agencyName: row.agency?.name ?? null,
    billingMode: billingModeLabel(terms.billingMode),
    prices: priceLines(terms),
    startDate: terms.startDate,
    fee: feeSentence(terms),
    reviewWindowDays: terms.reviewWindowDays,
  };
}

function acceptanceView(
  row: ContractPageRow,
  names: Map<string, string>,
  side: "BUSINESS" | "PROVIDER" | null,
) {
  const accepted =
    side === "BUSINESS" ? row.businessAcceptedAt : side === "PROVIDER" ? row.providerAcceptedAt : null;
  return {
    business: {
      acceptedAt: row.businessAcceptedAt?.toISOString() ?? null,
      byName: row.businessAcceptedById ? (names.get(row.businessAcceptedById) ?? null) : null,
    },
    provider: {
      name: names.get(row.providerUserId) ?? "",
      acceptedAt: row.providerAcceptedAt?.toISOString() ?? null,
      mandateAcceptedAt: row.mandateAcceptedAt?.toISOString() ?? null,
    },
    viewerSide: side,
    viewerMayAccept: side !== null && row.status === "PENDING" && accepted === null,
    mandate: row.mandateAcceptedAt ? billingMandateAt(row.mandateAcceptedAt) : currentBillingMandate,
  };
}

function allowedIntents(status: string, role: ContractViewerRole): PartyIntent[] {
  if ((role !== "BUSINESS" && role !== "PROVIDER") || !isContractStatus(status)) return [];
  return partyIntents.filter(
    (intent) => checkContractTransition(status, eventOfIntent[intent], role, "motif").ok,
  );
}

export function mayManageReplacements(role: ContractViewerRole, status: string): boolean {
  return (role === "BUSINESS" || role === "PROVIDER") && (status === "ACTIVE" || status === "PAUSED");
}

function assigneesView(row: ContractPageRow, role: ContractViewerRole) {
  const today = parisToday();
  const nameOf = (id: string | null) => row.assignees.find((a) => a.id === id)?.user.displayName ?? null;
  return row.assignees.map((a) => ({
    id: a.id,
    name: a.user.displayName,
    role: a.role,
    roleLabel: assigneeRoleLabels[a.role as AssigneeRole] ?? a.role,
    profileSlug: a.user.secretaryProfile?.status === "PUBLISHED" ? a.user.secretaryProfile.slug : null,
    startsOn: isoDay(a.startsOn),
    endsOn: isoDay(a.endsOn),
    replacesName: nameOf(a.replacesId),
    cancelled: a.cancelledAt !== null,
    mayCancel:
      a.role === "REPLACEMENT" &&
      a.cancelledAt === null &&
      mayManageReplacements(role, row.status) &&
      isoDay(a.startsOn)! > today,
  }));
}
