import { describe, expect, it } from "vitest";
import { addDays, parisToday } from "#app/domain/missions/schedule";
import { db } from "#app/lib/db.server";
import * as myProposals from "#app/routes/compte+/propositions";
import * as missionPage from "#app/routes/missions+/$missionId";
import * as propose from "#app/routes/missions+/$missionId_.proposer";
import * as received from "#app/routes/missions+/$missionId_.propositions";
import { createBid, openMissionWithBusiness, publishedSecretary } from "#tests/factories/proposals";
import { createAgencyOwner, createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const day = (n: number) => addDays(parisToday(), n);
const bid = {
  intent: "save",
  hourlyRate: "28,50",
  startDate: day(7),
  coverLetter: "Secrétaire médicale depuis dix ans, je connais Doctolib.",
  availabilityConfirmed: "on",
};

describe("/missions/:id/proposer", () => {
  it("sends anonymous visitors to the login page", async () => {
    const { mission } = await openMissionWithBusiness();
    const path = `/missions/${mission.id}/proposer`;
    const result = await runRoute(propose.loader, await getRequest(path), { missionId: mission.id });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/connexion?redirectTo=${encodeURIComponent(path)}`);
  });

  it("sends a proposal without JavaScript, then shows it for editing", async () => {
    const { mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    const path = `/missions/${mission.id}/proposer`;
    const sent = await runRoute(propose.action, await formRequest(path, bid, { userId: secretary.id }), {
      missionId: mission.id,
    });
    expect(sent).toMatchObject({ status: 302, location: `${path}?envoyee=1` });
    const row = await db.proposal.findFirstOrThrow({ where: { missionId: mission.id } });
    expect(row).toMatchObject({ hourlyRateCents: 2850, availabilityConfirmed: true, status: "SUBMITTED" });
    const page = await runRoute(propose.loader, await getRequest(path, { userId: secretary.id }), {
      missionId: mission.id,
    });
    expect(page.data.proposal).toMatchObject({ id: row.id, hourlyRateCents: 2850 });
    const edited = await runRoute(
      propose.action,
      await formRequest(path, { ...bid, hourlyRate: "30", proposalId: row.id }, { userId: secretary.id }),
      { missionId: mission.id },
    );
    expect(edited.location).toBe(`${path}?modifiee=1`);
    const withdrawn = await runRoute(
      propose.action,
      await formRequest(path, { intent: "withdraw", proposalId: row.id }, { userId: secretary.id }),
      { missionId: mission.id },
    );
    expect(withdrawn.location).toBe(`${path}?retiree=1`);
    expect(await db.proposal.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "WITHDRAWN",
      hourlyRateCents: 3000,
    });
  });

  it.each([
    [
      "a missing availability confirmation",
      { availabilityConfirmed: undefined },
      "availabilityConfirmed",
      "Cochez la case pour confirmer votre disponibilité.",
    ],
    [
      "a negative rate",
      { hourlyRate: "-12" },
      "hourlyRate",
      "Montant invalide : écrivez par exemple 35 ou 35,50.",
    ],
    [
      "an absurd rate",
      { hourlyRate: "9000" },
      "hourlyRate",
      "Le tarif horaire doit être compris entre 12 € et 150 €.",
    ],
    [
      "a start in the past",
      { startDate: day(-2) },
      "startDate",
      "La date de début ne peut pas être dans le passé.",
    ],
    [
      "a short letter",
      { coverLetter: "Dispo" },
      "coverLetter",
      "Votre message doit compter au moins 20 caractères.",
    ],
  ])("answers 400 to %s and writes nothing", async (_name, change, field, message) => {
    const { mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    const request = await formRequest(
      `/missions/${mission.id}/proposer`,
      { ...bid, ...change },
      { userId: secretary.id },
    );
    const result = await runRoute(propose.action, request, { missionId: mission.id });
    expect(result.status).toBe(400);
    expect(result.data.error[field]).toEqual([message.replace(/ /g, "\u00a0").replace(/\u00a0(?!€)/g, " ")]);
    expect(await db.proposal.count({ where: { missionId: mission.id } })).toBe(0);
  });

  it("refuses a second proposal through the form with a 409", async () => {
    const { mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    await createBid(mission.id, secretary);
    const request = await formRequest(`/missions/${mission.id}/proposer`, bid, { userId: secretary.id });
    const result = await runRoute(propose.action, request, { missionId: mission.id });
    expect(result.status).toBe(409);
    expect(result.data.message).toMatch(/déjà une proposition en cours/);
  });
});

describe("/missions/:id/propositions", () => {
  it("is for the mission's business only", async () => {
    const { business, mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    await createBid(mission.id, secretary);
    const path = `/missions/${mission.id}/propositions`;
    const anonymous = await runRoute(received.loader, await getRequest(path), { missionId: mission.id });
    expect(anonymous.location).toMatch(/^\/connexion\?redirectTo=/);
    for (const [userId, status] of [
      [secretary.id, 403],
      [(await createBusiness()).id, 403],
      [(await createStaff()).id, 403],
    ] as const) {
      const result = await runRoute(received.loader, await getRequest(path, { userId }), {
        missionId: mission.id,
      });
      expect(result.status).toBe(status);
    }
    const own = await runRoute(received.loader, await getRequest(path, { userId: business.id }), {
      missionId: mission.id,
    });
    expect(own.status).toBe(200);
    expect(own.data.proposals).toMatchObject([
      {
        bidderName: "Claire Morel",
        price: ["30,00\u00a0€/h"],
        distance: "à distance",
        rating: "Pas encore d’avis",
      },
    ]);
  });

  it("shortlists, filters and declines with a message; accepting answers the contracts use case's error", async () => {
    const { business, mission } = await openMissionWithBusiness();
    const [a, b] = [await publishedSecretary("Alice Test"), await publishedSecretary("Berthe Test")];
    const first = await createBid(mission.id, a);
    const second = await createBid(mission.id, b);
    const path = `/missions/${mission.id}/propositions`;
    const post = async (fields: Record<string, string>) =>
      runRoute(received.action, await formRequest(path, fields, { userId: business.id }), {
        missionId: mission.id,
      });
    expect((await post({ intent: "shortlist", proposalId: first.id })).location).toBe(
      `${path}?preselectionnee=1`,
    );
    expect((await post({ intent: "shortlist", proposalId: first.id })).status).toBe(409);
    const filtered = await runRoute(
      received.loader,
      await getRequest(`${path}?filtre=preselectionnees`, { userId: business.id }),
      { missionId: mission.id },
    );
    expect(filtered.data.proposals.map((p: { id: string }) => p.id)).toEqual([first.id]);
    await post({
      intent: "decline",
      proposalId: second.id,
      message: "Nous avons choisi une autre personne.",
    });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "DECLINED",
      live: null,
      decisionMessage: "Nous avons choisi une autre personne.",
    });
    const accept = await post({ intent: "accept", proposalId: first.id });
    expect([302, 409]).toContain(accept.status);
  });

  it("compares the distance to an on-site mission, the rating and the agency's members", async () => {
    const { business, mission } = await openMissionWithBusiness({ workMode: "ON_SITE", place: "69003" });
    const secretary = await publishedSecretary();
    // Villeurbanne, a few kilometres from Lyon 3e.
    await db.secretaryProfile.update({
      where: { userId: secretary.id },
      data: { baseLatitude: 45.7719, baseLongitude: 4.8902, ratingAverage: 4.64, ratingCount: 12 },
    });
    await createBid(mission.id, secretary);
    const path = `/missions/${mission.id}/propositions`;
    const result = await runRoute(received.loader, await getRequest(path, { userId: business.id }), {
      missionId: mission.id,
    });
    expect(result.data.proposals).toMatchObject([
      { rating: "4,6 / 5 (12 avis)", distance: expect.stringMatching(/^[1-5] km$/) },
    ]);
  });

  it("never lets another business act on a proposal", async () => {
    const { mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    const proposal = await createBid(mission.id, secretary);
    const other = await createBusiness();
    const request = await formRequest(
      `/missions/${mission.id}/propositions`,
      { intent: "decline", proposalId: proposal.id },
      { userId: other.id },
    );
    expect((await runRoute(received.action, request, { missionId: mission.id })).status).toBe(404);
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: "SUBMITTED",
    });
  });
});

describe("/compte/propositions and the mission page", () => {
  it("lists a secretary's own proposals only", async () => {
    const { mission } = await openMissionWithBusiness();
    const [mine, theirs] = [await publishedSecretary("Alice Test"), await publishedSecretary("Berthe Test")];
    const own = await createBid(mission.id, mine);
    await createBid(mission.id, theirs);
    const result = await runRoute(
      myProposals.loader,
      await getRequest("/compte/propositions", { userId: mine.id }),
    );
    expect(result.data.proposals.map((p: { id: string }) => p.id)).toEqual([own.id]);
    expect(result.data.offers).toEqual([]);
  });

  it("lists an agency's proposals to its owner, with the members it named to the business", async () => {
    const { business, mission } = await openMissionWithBusiness();
    const agency = await createAgencyOwner({ organizationName: "Agence Azur" });
    const member = await createSecretary({
      status: "PUBLISHED",
      agencyId: agency.organization.id,
      displayName: "Nora Membre",
    });
    const path = `/missions/${mission.id}/proposer`;
    const sent = await runRoute(
      propose.action,
      await formRequest(path, { ...bid, memberIds: [member.id] }, { userId: agency.id }),
      {
        missionId: mission.id,
      },
    );
    expect(sent.location).toBe(`${path}?envoyee=1`);
    const mine = await runRoute(
      myProposals.loader,
      await getRequest("/compte/propositions", { userId: agency.id }),
    );
    expect(mine.data.proposals).toMatchObject([{ asAgency: "Agence Azur", price: ["28,50\u00a0€/h"] }]);
    const compared = await runRoute(
      received.loader,
      await getRequest(`/missions/${mission.id}/propositions`, { userId: business.id }),
      {
        missionId: mission.id,
      },
    );
    expect(compared.data.proposals).toMatchObject([
      {
        bidderName: "Agence Azur",
        members: ["Nora Membre"],
        profileHref: expect.stringMatching(/^\/agences\//),
      },
    ]);
    // The member herself does not see the agency's proposal as hers.
    expect(
      (await runRoute(myProposals.loader, await getRequest("/compte/propositions", { userId: member.id })))
        .data.proposals,
    ).toEqual([]);
  });

  it("shows the secretary's call to action and the business's count", async () => {
    const { business, mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    const path = `/missions/${mission.id}`;
    const page = async (userId?: string) =>
      (await runRoute(missionPage.loader, await getRequest(path, { userId }), { missionId: mission.id })).data
        .proposals;
    expect(await page()).toEqual({ kind: "visitor" });
    expect(await page(secretary.id)).toEqual({ kind: "bidder", liveProposalId: null });
    const bidRow = await createBid(mission.id, secretary);
    expect(await page(secretary.id)).toEqual({ kind: "bidder", liveProposalId: bidRow.id });
    expect(await page(business.id)).toEqual({ kind: "business", liveCount: 1 });
  });
});
