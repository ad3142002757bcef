// The monthly statement of a contract: the approved work of one Paris month per person, with the
// platform fee and what each is owed. Pure and client-safe: this DTO is the input of the payments
// issue (invoices, transfers), which must not recompute amounts.
//
// Which month: an entry belongs to the month of its work day (workDate, a Paris day); a milestone to
// the Paris month of its approval (reviewedAt). The fee is split per person (splitFee: rounded half
// up, the person gets the rest), and the contract totals are the sums of the persons' figures, so
// every column adds up exactly.
import { splitFee } from "#app/domain/contracts/contract-terms";
import { isoDayOf, monthOfDay, parisMonthOf } from "./work-dates";

export type StatementPerson = { userId: string; displayName: string; role: string };

export type StatementEntry = {
  id: string;
  kind: "TIME" | "TASK";
  workDate: Date;
  minutes: number | null;
  taskType: string | null;
  quantity: number | null;
  unitPriceCents: number;
  amountCents: number;
  description: string;
  status: string;
  autoApproved: boolean;
  person: StatementPerson;
};

export type StatementMilestone = {
  id: string;
  title: string;
  amountCents: number;
  status: string;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  autoApproved: boolean;
  person: StatementPerson;
};

export type StatementLine = {
  kind: "TIME" | "TASK" | "MILESTONE";
  sourceId: string;
  /** The work day (entries) or the Paris day of approval (milestones): "2026-11-30". */
  date: string;
  /** Task type code (TASK), milestone title (MILESTONE), null for time. */
  item: string | null;
  description: string;
  minutes: number | null;
  quantity: number | null;
  /** Per hour (TIME), per unit (TASK), the whole milestone (MILESTONE). */
  unitPriceCents: number;
  amountCents: number;
  autoApproved: boolean;
};

export type StatementPayee = StatementPerson & {
  roles: string[];
  lines: StatementLine[];
  subtotalCents: number;
  feeCents: number;
  netCents: number;
};

export type MonthlyStatement = {
  contractId: string;
  month: string;
  billingMode: string;
  platformFeeBps: number;
  currency: "EUR";
  payees: StatementPayee[];
  totals: { amountCents: number; feeCents: number; netCents: number; lineCount: number };
  /** Work of the month still waiting for the business (not owed yet). */
  pending: { count: number; amountCents: number };
  /** Work of the month the business disputed (not owed until settled). */
  disputed: { count: number; amountCents: number };
};

export type StatementContract = { id: string; billingMode: string; platformFeeBps: number };

const entryLine = (e: StatementEntry): StatementLine => ({
  kind: e.kind,
  sourceId: e.id,
  date: isoDayOf(e.workDate),
  item: e.kind === "TASK" ? e.taskType : null,
  description: e.description,
  minutes: e.kind === "TIME" ? e.minutes : null,
  quantity: e.kind === "TASK" ? e.quantity : null,
  unitPriceCents: e.unitPriceCents,
  amountCents: e.amountCents,
  autoApproved: e.autoApproved,
});

const milestoneLine = (m: StatementMilestone & { reviewedAt: Date }): StatementLine => ({
  kind: "MILESTONE",
  sourceId: m.id,
  date: parisDay(m.reviewedAt),
  item: m.title,
  description: m.title,
  minutes: null,
  quantity: 1,
  unitPriceCents: m.amountCents,
  amountCents: m.amountCents,
  autoApproved: m.autoApproved,
});

const parisDay = (instant: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(instant);

function sumOf(items: readonly { amountCents: number }[]) {
  return { count: items.length, amountCents: items.reduce((sum, i) => sum + i.amountCents, 0) };
}

function payeesOf(
  owed: { person: StatementPerson; line: StatementLine }[],
  feeBps: number,
): StatementPayee[] {
  const byUser = new Map<string, { person: StatementPerson; roles: Set<string>; lines: StatementLine[] }>();
  for (const { person, line } of owed) {
    const group = byUser.get(person.userId) ?? { person, roles: new Set<string>(), lines: [] };
    group.roles.add(person.role);
    group.lines.push(line);
    byUser.set(person.userId, group);
  }
  return [...byUser.values()].map(({ person, roles, lines }) => {
    lines.sort((a, b) => a.date.localeCompare(b.date) || a.sourceId.localeCompare(b.sourceId));
    const subtotalCents = sumOf(lines).amountCents;
    const { feeCents, payeeCents } = splitFee(subtotalCents, feeBps);
    return { ...person, roles: [...roles], lines, subtotalCents, feeCents, netCents: payeeCents };
  });
}

/** The statement of `month` ("2026-11") from the contract's work; work of other months is ignored. */
export function statementOf(
  contract: StatementContract,
  entries: readonly StatementEntry[],
  milestones: readonly StatementMilestone[],
  month: string,
): MonthlyStatement {
  const monthEntries = entries.filter((e) => monthOfDay(e.workDate) === month);
  const approvedMilestones = milestones.filter(
    (m): m is StatementMilestone & { reviewedAt: Date } =>
      m.status === "APPROVED" && m.reviewedAt !== null && parisMonthOf(m.reviewedAt) === month,
  );
  const waiting = milestones.filter(
    (m) => m.status !== "APPROVED" && m.submittedAt && parisMonthOf(m.submittedAt) === month,
  );
  const owed = [
    ...monthEntries
      .filter((e) => e.status === "APPROVED")
      .map((e) => ({ person: e.person, line: entryLine(e) })),
    ...approvedMilestones.map((m) => ({ person: m.person, line: milestoneLine(m) })),
  ];
  const payees = payeesOf(owed, contract.platformFeeBps).sort((a, b) =>
    a.displayName.localeCompare(b.displayName, "fr"),
  );
  const open = (status: string) => [...monthEntries, ...waiting].filter((w) => w.status === status);
  return {
    contractId: contract.id,
    month,
    billingMode: contract.billingMode,
    platformFeeBps: contract.platformFeeBps,
    currency: "EUR",
    payees,
    totals: {
      amountCents: payees.reduce((sum, p) => sum + p.subtotalCents, 0),
      feeCents: payees.reduce((sum, p) => sum + p.feeCents, 0),
      netCents: payees.reduce((sum, p) => sum + p.netCents, 0),
      lineCount: owed.length,
    },
    pending: sumOf(open("SUBMITTED")),
    disputed: sumOf(open("DISPUTED")),
  };
}
