import { describe, expect, it } from "vitest";
import { MANDATE_REQUIRED_MESSAGE } from "#app/domain/contracts/contract-acceptance.server";
import { acceptProposal } from "#app/domain/contracts/contract-creation.server";
import { addDays, parisToday } from "#app/domain/missions/schedule";
import { db } from "#app/lib/db.server";
import * as contractPage from "#app/routes/contrats+/$contractId._index";
import * as replacementsPage from "#app/routes/contrats+/$contractId.remplacements";
import * as myContracts from "#app/routes/contrats+/_index";
import { createContract } from "#tests/factories/contracts";
import { createLiveProposal, openMissionFor } from "#tests/factories/contract-proposals";
import { createAgencyOwner, createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const day = (n: number) => addDays(parisToday(), n);

async function world() {
  const made = await createContract({ status: "PENDING", startDate: day(-3), endDate: day(90) });
  return {
    ...made,
    otherBusiness: await createBusiness({ organizationName: "Garage Bernard" }),
    otherSecretary: await createSecretary({ status: "PUBLISHED" }),
    agencyOwner: await createAgencyOwner(),
    staff: await createStaff("MODERATOR"),
  };
}

describe("who may read a contract", () => {
  it("sends anonymous visitors to the login page on every contract route", async () => {
    const { contract } = await world();
    const params = { contractId: contract.id };
    for (const [fn, path] of [
      [myContracts.loader, "/contrats"],
      [contractPage.loader, `/contrats/${contract.id}`],
      [replacementsPage.loader, `/contrats/${contract.id}/remplacements`],
    ] as const) {
      const result = await runRoute(fn, await getRequest(path), params);
      expect(result.status).toBe(302);
      expect(result.location).toBe(`/connexion?redirectTo=${encodeURIComponent(path)}`);
    }
    const post = await runRoute(
      contractPage.action,
      await formRequest(`/contrats/${contract.id}`, { intent: "accept" }),
      params,
    );
    expect(post.status).toBe(302);
    expect(post.location).toMatch(/^\/connexion/);
  });

  it("answers 404 to another business, another secretary and an unrelated agency owner", async () => {
    const w = await world();
    const params = { contractId: w.contract.id };
    for (const outsider of [w.otherBusiness, w.otherSecretary, w.agencyOwner]) {
      for (const fn of [contractPage.loader, replacementsPage.loader]) {
        const result = await runRoute(
          fn,
          await getRequest(`/contrats/${w.contract.id}`, { userId: outsider.id }),
          params,
        );
        expect(result.status).toBe(404);
        expect(result.data.message).toBe("Ce contrat est introuvable.");
      }
      const list = await runRoute(myContracts.loader, await getRequest("/contrats", { userId: outsider.id }));
      expect(list.data.groups).toEqual([]);
      const post = await runRoute(
        contractPage.action,
        await formRequest(
          `/contrats/${w.contract.id}`,
          { intent: "accept", mandate: "on" },
          { userId: outsider.id },
        ),
        params,
      );
      expect(post.status).toBe(404);
    }
    expect(
      (await db.contract.findUniqueOrThrow({ where: { id: w.contract.id } })).businessAcceptedAt,
    ).toBeNull();
  });

  it("shows the contract to both parties and staff, with the fee before acceptance", async () => {
    const w = await world();
    const params = { contractId: w.contract.id };
    for (const [who, role] of [
      [w.business, "BUSINESS"],
      [w.secretary, "PROVIDER"],
      [w.staff, "STAFF"],
    ] as const) {
      const result = await runRoute(
        contractPage.loader,
        await getRequest(`/contrats/${w.contract.id}`, { userId: who.id }),
        params,
      );
      expect(result.status).toBe(200);
      expect(result.data.viewerRole).toBe(role);
      expect(result.data.terms.fee.replace(/\u202f|\u00a0/g, " ")).toBe(
        "Commission Permanence : 10 % du montant du travail, soit 3,00 € sur une heure à 30,00 € (la prestataire reçoit 27,00 €).",
      );
    }
    const staffView = await runRoute(
      contractPage.loader,
      await getRequest("/", { userId: w.staff.id }),
      params,
    );
    expect(staffView.data.acceptance.viewerMayAccept).toBe(false);
    expect(staffView.data.actions).toEqual([]);
    const staffReplacements = await runRoute(
      replacementsPage.loader,
      await getRequest("/", { userId: w.staff.id }),
      params,
    );
    expect(staffReplacements.status).toBe(200);
    expect(staffReplacements.data.canManage).toBe(false);
    const list = await runRoute(
      myContracts.loader,
      await getRequest("/contrats", { userId: w.secretary.id }),
    );
    expect(list.data.groups).toMatchObject([
      { status: "PENDING", contracts: [{ id: w.contract.id, awaitingMe: true }] },
    ]);
  });

  it("lists an agency's contracts for its owner, and the business's for any member", async () => {
    const business = await createBusiness();
    const mission = await openMissionFor(business);
    const owner = await createAgencyOwner();
    const member = await createSecretary({ status: "PUBLISHED", agencyId: owner.organization.id });
    const bid = await createLiveProposal({
      missionId: mission.id,
      bidder: member,
      agencyId: owner.organization.id,
      memberIds: [member.id],
    });
    const { contractId } = await acceptProposal({ actorId: business.id, proposalId: bid.id });
    for (const who of [owner, member, business]) {
      const list = await runRoute(myContracts.loader, await getRequest("/contrats", { userId: who.id }));
      expect(
        list.data.groups.flatMap((g: { contracts: { id: string }[] }) => g.contracts.map((c) => c.id)),
      ).toEqual([contractId]);
    }
  });
});

describe("the contract page's forms", () => {
  it("accepts for each side without JavaScript; the provider must tick the mandate", async () => {
    const w = await world();
    const path = `/contrats/${w.contract.id}`;
    const params = { contractId: w.contract.id };
    const missing = await runRoute(
      contractPage.action,
      await formRequest(path, { intent: "accept" }, { userId: w.secretary.id }),
      params,
    );
    expect(missing.status).toBe(400);
    expect(missing.data).toEqual({ intent: "accept", message: MANDATE_REQUIRED_MESSAGE });

    const business = await runRoute(
      contractPage.action,
      await formRequest(path, { intent: "accept" }, { userId: w.business.id }),
      params,
    );
    expect(business.location).toBe(`${path}?acceptee=1`);
    const provider = await runRoute(
      contractPage.action,
      await formRequest(path, { intent: "accept", mandate: "on" }, { userId: w.secretary.id }),
      params,
    );
    expect(provider.location).toBe(`${path}?active=1`);
    expect((await db.contract.findUniqueOrThrow({ where: { id: w.contract.id } })).status).toBe("ACTIVE");
  });

  it("refuses a missing CSRF token, a missing reason and staff accepting", async () => {
    const w = await world();
    const path = `/contrats/${w.contract.id}`;
    const params = { contractId: w.contract.id };
    const noCsrf = await runRoute(
      contractPage.action,
      await formRequest(path, { intent: "accept" }, { userId: w.business.id, csrf: false }),
      params,
    );
    expect(noCsrf.status).toBe(403);
    const staff = await runRoute(
      contractPage.action,
      await formRequest(path, { intent: "accept" }, { userId: w.staff.id }),
      params,
    );
    expect(staff.status).toBe(403);
    await db.contract.update({ where: { id: w.contract.id }, data: { status: "ACTIVE" } });
    const noReason = await runRoute(
      contractPage.action,
      await formRequest(path, { intent: "pause" }, { userId: w.business.id }),
      params,
    );
    expect(noReason.status).toBe(400);
    expect(noReason.data.message).toBe("Indiquez un motif pour cette action.");
    const paused = await runRoute(
      contractPage.action,
      await formRequest(path, { intent: "pause", reason: "Travaux au cabinet" }, { userId: w.secretary.id }),
      params,
    );
    expect(paused.location).toBe(`${path}?pause=1`);
    const staffPause = await runRoute(
      contractPage.action,
      await formRequest(path, { intent: "resume" }, { userId: w.staff.id }),
      params,
    );
    expect(staffPause.status).toBe(403);
  });

  it("adds a replacement from its page, and shows the form's errors with status 400", async () => {
    const w = await world();
    await db.contract.update({ where: { id: w.contract.id }, data: { status: "ACTIVE" } });
    const stand = await createSecretary({ status: "PUBLISHED" });
    const path = `/contrats/${w.contract.id}/remplacements`;
    const params = { contractId: w.contract.id };
    const fields = {
      intent: "add",
      replacesAssigneeId: w.primaryAssigneeId,
      secretary: stand.profile.slug,
      startsOn: day(5),
      endsOn: day(9),
    };
    const outsider = await runRoute(
      replacementsPage.action,
      await formRequest(path, fields, { userId: w.otherBusiness.id }),
      params,
    );
    expect(outsider.status).toBe(404);
    const bad = await runRoute(
      replacementsPage.action,
      await formRequest(path, { ...fields, endsOn: day(200) }, { userId: w.business.id }),
      params,
    );
    expect(bad.status).toBe(400);
    expect(bad.data.error.endsOn[0]).toMatch(/se termine le/);
    const missing = await runRoute(
      replacementsPage.action,
      await formRequest(path, { ...fields, secretary: "" }, { userId: w.business.id }),
      params,
    );
    expect(missing.status).toBe(400);
    const ok = await runRoute(
      replacementsPage.action,
      await formRequest(path, fields, { userId: w.business.id }),
      params,
    );
    expect(ok.location).toBe(`/contrats/${w.contract.id}?remplacement=1`);
    const view = await runRoute(
      replacementsPage.loader,
      await getRequest(path, { userId: stand.id }),
      params,
    );
    expect(view.status).toBe(200);
    expect(view.data.canManage).toBe(false);
  });
});
