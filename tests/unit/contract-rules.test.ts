import { describe, expect, it } from "vitest";
import { contractViewerRole, type ContractViewer } from "#app/domain/contracts/contracts.policy";
import { feeSentence } from "#app/domain/contracts/contract-labels";
import {
  MAX_REPLACEMENT_DAYS,
  periodsOverlap,
  profileSlugFrom,
  replacementPeriodProblem,
  type PeriodFacts,
} from "#app/domain/contracts/contract-replacement-rules";

const contract = {
  organizationId: "org-cabinet",
  agencyId: "org-agence",
  providerUserId: "u-owner",
  assignees: [
    { userId: "u-claire", cancelledAt: null },
    { userId: "u-gone", cancelledAt: new Date() },
  ],
};
const viewer = (over: Partial<NonNullable<ContractViewer>>): ContractViewer => ({
  id: "u-x",
  role: "USER",
  businessIds: [],
  ownedAgencyIds: [],
  ...over,
});

describe("contractViewerRole", () => {
  it.each([
    ["anonymous", null, null],
    ["a business member", viewer({ businessIds: ["org-cabinet"] }), "BUSINESS"],
    ["another business", viewer({ businessIds: ["org-autre"] }), null],
    ["the signer", viewer({ id: "u-owner" }), "PROVIDER"],
    ["another owner of the agency", viewer({ ownedAgencyIds: ["org-agence"] }), "PROVIDER"],
    ["a live assignee", viewer({ id: "u-claire" }), "ASSIGNEE"],
    ["a cancelled assignee", viewer({ id: "u-gone" }), null],
    ["a moderator", viewer({ role: "MODERATOR" }), "STAFF"],
    ["an admin", viewer({ role: "ADMIN" }), "STAFF"],
    [
      "a staff member who is also the business",
      viewer({ role: "ADMIN", businessIds: ["org-cabinet"] }),
      "BUSINESS",
    ],
  ] as const)("%s", (_label, who, expected) => {
    expect(contractViewerRole(who, contract)).toBe(expected);
  });

  it("gives an agency's owner nothing on an independent's contract", () => {
    expect(
      contractViewerRole(viewer({ ownedAgencyIds: ["org-agence"] }), { ...contract, agencyId: null }),
    ).toBe(null);
  });
});

const base: PeriodFacts = {
  startsOn: "2027-02-01",
  endsOn: "2027-02-14",
  today: "2027-01-10",
  contractStart: "2027-01-04",
  contractEnd: "2027-06-30",
  otherPeriods: [],
};

describe("replacementPeriodProblem", () => {
  it("accepts a period inside the contract, from today on", () => {
    expect(replacementPeriodProblem(base)).toBeNull();
    expect(replacementPeriodProblem({ ...base, startsOn: "2027-01-10", endsOn: "2027-01-10" })).toBeNull();
    expect(replacementPeriodProblem({ ...base, endsOn: "2027-06-30" })).toBeNull();
  });

  it.each([
    ["end before start", { endsOn: "2027-01-31" }, "endsOn", /premier jour ou après/],
    ["in the past", { startsOn: "2027-01-09" }, "startsOn", /passé/],
    [
      "before the contract",
      { today: "2027-01-01", startsOn: "2027-01-03" },
      "startsOn",
      /commence le 4 janvier 2027/,
    ],
    ["after the contract", { endsOn: "2027-07-01" }, "endsOn", /se termine le 30 juin 2027/],
    [
      "longer than a year",
      { contractEnd: null, startsOn: "2027-02-01", endsOn: "2028-02-02" },
      "endsOn",
      /366 jours/,
    ],
    [
      "overlapping another",
      { otherPeriods: [{ startsOn: "2027-02-14", endsOn: "2027-02-20" }] },
      "startsOn",
      /chevauche un remplacement déjà prévu du 14 février 2027 au 20 février 2027/,
    ],
  ] as const)("refuses %s", (_label, over, field, message) => {
    const problem = replacementPeriodProblem({ ...base, ...over });
    expect(problem?.field).toBe(field);
    expect(problem?.message).toMatch(message);
  });

  it("allows exactly 366 days and periods that touch without overlapping", () => {
    expect(MAX_REPLACEMENT_DAYS).toBe(366);
    expect(replacementPeriodProblem({ ...base, contractEnd: null, endsOn: "2028-02-01" })).toBeNull();
    expect(
      replacementPeriodProblem({ ...base, otherPeriods: [{ startsOn: "2027-02-15", endsOn: "2027-02-20" }] }),
    ).toBeNull();
    expect(
      periodsOverlap(
        { startsOn: "2027-02-01", endsOn: "2027-02-01" },
        { startsOn: "2027-02-01", endsOn: "2027-02-03" },
      ),
    ).toBe(true);
  });
});

describe("profileSlugFrom", () => {
  it.each([
    ["claire-morel-x1y2z", "claire-morel-x1y2z"],
    ["https://permanence.fr/secretaires/claire-morel-x1y2z", "claire-morel-x1y2z"],
    ["  http://localhost:3000/secretaires/claire-morel-x1y2z/?ref=1 ", "claire-morel-x1y2z"],
    ["claire@exemple.fr", null],
    ["Claire Morel", null],
    ["", null],
  ])("%s → %s", (input, slug) => {
    expect(profileSlugFrom(input)).toBe(slug);
  });
});

describe("feeSentence", () => {
  it("shows the rate and what it means on one hour, one task or the package", () => {
    const euro = (text: string) => text.replace(/\u202f|\u00a0/g, " ");
    const hourly = {
      billingMode: "HOURLY" as const,
      hourlyRateCents: 3000,
      taskPrices: [],
      fixedAmountCents: null,
    };
    expect(euro(feeSentence({ ...hourly, platformFeeBps: 1000 }))).toBe(
      "Commission Permanence : 10 % du montant du travail, soit 3,00 € sur une heure à 30,00 € (la prestataire reçoit 27,00 €).",
    );
    const fixed = {
      billingMode: "FIXED" as const,
      hourlyRateCents: null,
      taskPrices: [],
      fixedAmountCents: 120000,
    };
    expect(euro(feeSentence({ ...fixed, platformFeeBps: 1250 }))).toMatch(
      /12,5 % .* soit 150,00 € sur le forfait de 1 200,00 €/,
    );
    const perTask = {
      billingMode: "PER_TASK" as const,
      hourlyRateCents: null,
      taskPrices: [{ task: "CALL_ANSWERED", unitPriceCents: 155 }],
      fixedAmountCents: null,
    };
    expect(euro(feeSentence({ ...perTask, platformFeeBps: 1000 }))).toMatch(
      /soit 0,16 € sur une unité « Appel traité » à 1,55 €/,
    );
  });
});
