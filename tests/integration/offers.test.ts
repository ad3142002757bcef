import { describe, expect, it } from "vitest";
import { addDays, parisToday } from "#app/domain/missions/schedule";
import { OFFER_PENDING_MESSAGE } from "#app/domain/proposals/bid-context.server";
import { declineOffer, withdrawOffer } from "#app/domain/proposals/proposal-decisions.server";
import { db } from "#app/lib/db.server";
import * as myProposals from "#app/routes/compte+/propositions";
import * as missionPage from "#app/routes/missions+/$missionId";
import * as propose from "#app/routes/missions+/$missionId_.proposer";
import * as received from "#app/routes/missions+/$missionId_.propositions";
import * as profilePage from "#app/routes/secretaires+/$slug";
import * as offerPage from "#app/routes/secretaires+/$slug_.offre";
import { publishedSecretary } from "#tests/factories/proposals";
import { createBusiness, createSecretary } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const day = (n: number) => addDays(parisToday(), n);
const offer = {
  title: "Remplacement à l’accueil",
  description: "Accueil téléphonique du cabinet pendant deux semaines.",
  skills: ["PHONE_ANSWERING"],
  billingMode: "FIXED",
  fixedAmount: "900",
  hourlyRate: "",
  startDate: day(10),
  endDate: day(24),
  message: "Nous avons aimé votre profil, seriez-vous disponible ?",
};

async function sendOffer(
  businessId: string,
  slug: string,
  fields: Record<string, string | string[]> = offer,
) {
  const request = await formRequest(`/secretaires/${slug}/offre`, fields, { userId: businessId });
  return runRoute(offerPage.action, request, { slug });
}

describe("direct offers", () => {
  it("creates an invite-only OPEN mission and an OFFER to the secretary in one go", async () => {
    const business = await createBusiness();
    const secretary = await publishedSecretary();
    const result = await sendOffer(business.id, secretary.profile.slug);
    expect(result.status).toBe(302);
    const mission = await db.mission.findFirstOrThrow({
      where: { organizationId: business.organization.id },
    });
    expect(result.location).toBe(`/missions/${mission.id}/propositions?offre-envoyee=1`);
    expect(mission).toMatchObject({
      status: "OPEN",
      visibility: "INVITE_ONLY",
      billingMode: "FIXED",
      fixedAmountCents: 90000,
    });
    const history = await db.missionStatusChange.findMany({ where: { missionId: mission.id } });
    expect(history).toMatchObject([{ from: "DRAFT", to: "OPEN" }]);
    const proposal = await db.proposal.findFirstOrThrow({ where: { missionId: mission.id } });
    expect(proposal).toMatchObject({
      origin: "OFFER",
      status: "SUBMITTED",
      live: true,
      bidderKey: `user:${secretary.id}`,
      createdById: business.id,
      milestones: [{ title: "Livraison", amountCents: 90000, dueDate: null }],
    });
  });

  it("refuses bad input with French messages and writes nothing", async () => {
    const business = await createBusiness();
    const secretary = await publishedSecretary();
    const result = await sendOffer(business.id, secretary.profile.slug, {
      ...offer,
      fixedAmount: "-5",
      startDate: day(-1),
    });
    expect(result.status).toBe(400);
    expect(result.data.error.startDate).toEqual(["La date de début ne peut pas être dans le passé."]);
    expect(result.data.error.fixedAmount).toEqual(["Montant invalide"]);
    expect(await db.mission.count({ where: { organizationId: business.organization.id } })).toBe(0);
  });

  it("is for businesses, to published profiles", async () => {
    const business = await createBusiness();
    const secretary = await publishedSecretary();
    const other = await publishedSecretary("Léa Autre");
    expect((await sendOffer(other.id, secretary.profile.slug)).status).toBe(403);
    const draft = await createSecretary({ status: "DRAFT" });
    expect((await sendOffer(business.id, draft.profile.slug)).status).toBe(404);
    const anonymous = await runRoute(
      offerPage.loader,
      await getRequest(`/secretaires/${secretary.profile.slug}/offre`),
      { slug: secretary.profile.slug },
    );
    expect(anonymous.location).toMatch(/^\/connexion/);
    const profile = async (userId?: string) =>
      (
        await runRoute(
          profilePage.loader,
          await getRequest(`/secretaires/${secretary.profile.slug}`, { userId }),
          { slug: secretary.profile.slug },
        )
      ).data.canOffer;
    expect([await profile(), await profile(other.id), await profile(business.id)]).toEqual([
      false,
      false,
      true,
    ]);
    expect(await db.mission.count({ where: { organizationId: business.organization.id } })).toBe(0);
  });

  it("shows the invite-only mission and the offer to the invited secretary only; she declines with a message", async () => {
    const business = await createBusiness();
    const secretary = await publishedSecretary();
    const other = await publishedSecretary("Léa Autre");
    await sendOffer(business.id, secretary.profile.slug);
    const proposal = await db.proposal.findFirstOrThrow({ where: { bidderUserId: secretary.id } });
    const view = async (userId?: string) =>
      (
        await runRoute(missionPage.loader, await getRequest(`/missions/${proposal.missionId}`, { userId }), {
          missionId: proposal.missionId,
        })
      ).status;
    expect([await view(secretary.id), await view(other.id), await view()]).toEqual([200, 404, 404]);
    const page = await runRoute(
      missionPage.loader,
      await getRequest(`/missions/${proposal.missionId}`, { userId: secretary.id }),
      {
        missionId: proposal.missionId,
      },
    );
    expect(page.data.proposals).toEqual({ kind: "offer" });
    const form = await runRoute(
      propose.loader,
      await getRequest(`/missions/${proposal.missionId}/proposer`, { userId: secretary.id }),
      {
        missionId: proposal.missionId,
      },
    );
    expect(form.data).toMatchObject({ proposal: null, blocker: { message: OFFER_PENDING_MESSAGE } });
    const mine = await runRoute(
      myProposals.loader,
      await getRequest("/compte/propositions", { userId: secretary.id }),
    );
    expect(mine.data.offers).toMatchObject([
      { id: proposal.id, status: "SUBMITTED", live: true, price: ["Forfait : 900,00\u00a0€"] },
    ]);
    expect(
      (await runRoute(myProposals.loader, await getRequest("/compte/propositions", { userId: other.id })))
        .data.offers,
    ).toEqual([]);
    expect(await declineOffer({ actorId: other.id, proposalId: proposal.id }).catch((e) => e.code)).toBe(
      "NOT_FOUND",
    );
    const request = await formRequest(
      "/compte/propositions",
      { intent: "decline-offer", proposalId: proposal.id, message: "Je ne suis pas disponible." },
      { userId: secretary.id },
    );
    expect((await runRoute(myProposals.action, request)).location).toBe(
      "/compte/propositions?offre-declinee=1",
    );
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: "DECLINED",
      live: null,
      decisionMessage: "Je ne suis pas disponible.",
    });
    // Still hers to look at, now that it is declined.
    expect(await view(secretary.id)).toBe(200);
  });

  it("lets the business withdraw its unanswered offer, once", async () => {
    const business = await createBusiness();
    const secretary = await publishedSecretary();
    await sendOffer(business.id, secretary.profile.slug);
    const proposal = await db.proposal.findFirstOrThrow({ where: { bidderUserId: secretary.id } });
    expect(await withdrawOffer({ actorId: secretary.id, proposalId: proposal.id }).catch((e) => e.code)).toBe(
      "NOT_FOUND",
    );
    const path = `/missions/${proposal.missionId}/propositions`;
    const withdrawn = await runRoute(
      received.action,
      await formRequest(path, { intent: "withdraw-offer", proposalId: proposal.id }, { userId: business.id }),
      { missionId: proposal.missionId },
    );
    expect(withdrawn.location).toBe(`${path}?offre-retiree=1`);
    expect(await withdrawOffer({ actorId: business.id, proposalId: proposal.id }).catch((e) => e.code)).toBe(
      "INVALID_TRANSITION",
    );
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: "WITHDRAWN",
    });
    const accepted = await runRoute(
      myProposals.action,
      await formRequest(
        "/compte/propositions",
        { intent: "accept-offer", proposalId: proposal.id },
        { userId: secretary.id },
      ),
    );
    expect(accepted.status).toBeGreaterThanOrEqual(400);
  });
});
