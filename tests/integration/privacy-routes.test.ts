// /compte/donnees and /compte/donnees.zip: anonymous visitors go to the login page, each user gets
// only her own data, and the deletion form needs the CSRF token and the right password.
import { strFromU8, unzipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import { resetExportLimits } from "#app/domain/privacy/data-export.server";
import { db } from "#app/lib/db.server";
import { resetAllLimits } from "#app/lib/rate-limit.server";
import * as page from "#app/routes/compte+/donnees";
import * as zip from "#app/routes/compte+/donnees[.zip]";
import { createContract } from "#tests/factories/contracts";
import { createBusiness, createSecretary, defaultPassword } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const context = { clientIp: "127.0.0.1", requestId: "test", cspNonce: "test" };

beforeEach(() => {
  resetExportLimits();
  resetAllLimits();
});

async function download(userId: string) {
  const response = (await zip.loader({
    request: await getRequest("/compte/donnees.zip", { userId }),
    params: {},
    context,
  })) as Response;
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  return { response, json: JSON.parse(strFromU8(files["donnees.json"]!)) };
}

const post = (userId: string | undefined, fields: Record<string, string>, csrf = true) =>
  formRequest("/compte/donnees", fields, { userId, csrf });

const userRow = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

describe("/compte/donnees", () => {
  it("sends anonymous visitors to the login page, for the page, the zip and the deletion", async () => {
    expect(await runRoute(page.loader, await getRequest("/compte/donnees"))).toMatchObject({
      status: 302,
      location: "/connexion?redirectTo=%2Fcompte%2Fdonnees",
    });
    const anonymousZip = await runRoute(zip.loader, await getRequest("/compte/donnees.zip"));
    expect(anonymousZip).toMatchObject({
      status: 302,
      location: "/connexion?redirectTo=%2Fcompte%2Fdonnees.zip",
    });
    const deletion = await runRoute(page.action, await post(undefined, { password: "x", confirm: "on" }));
    expect(deletion.status).toBe(302);
    expect(deletion.location).toMatch(/^\/connexion/);
  });

  it("shows the page to a signed-in user", async () => {
    const user = await createBusiness();
    expect(
      (await runRoute(page.loader, await getRequest("/compte/donnees", { userId: user.id }))).status,
    ).toBe(200);
  });

  it("gives each user a zip of her own data only", async () => {
    const [secretary, business] = [await createSecretary(), await createBusiness()];
    const mine = await download(secretary.id);
    expect(mine.response.headers.get("Content-Type")).toBe("application/zip");
    expect(mine.response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="permanence-mes-donnees-/,
    );
    expect(mine.response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(mine.json.account.email).toBe(secretary.email);
    expect(JSON.stringify(mine.json)).not.toContain(business.email);
    const theirs = await download(business.id);
    expect(theirs.json.account.email).toBe(business.email);
    expect(JSON.stringify(theirs.json)).not.toContain(secretary.email);
  });

  it("answers 429 with a French message after 3 downloads in an hour", async () => {
    const user = await createSecretary();
    for (let i = 0; i < 3; i++) await download(user.id);
    const refused = await runRoute(zip.loader, await getRequest("/compte/donnees.zip", { userId: user.id }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Content-Type")).toMatch(/^text\/plain/);
    expect(refused.data).toMatch(
      /^Vous avez déjà téléchargé vos données 3 fois cette heure-ci\. Réessayez dans/,
    );
  });

  it("refuses a wrong password in French and changes nothing", async () => {
    const user = await createSecretary();
    const result = await runRoute(
      page.action,
      await post(user.id, { password: "pas-le-bon", confirm: "on" }),
    );
    expect(result.status).toBe(400);
    expect(result.data.message).toBe("Mot de passe incorrect : votre compte n’a pas été supprimé.");
    expect((await userRow(user.id)).anonymizedAt).toBeNull();
    expect((await userRow(user.id)).email).toBe(user.email);
  });

  it("refuses without the confirmation box", async () => {
    const user = await createSecretary();
    const result = await runRoute(page.action, await post(user.id, { password: defaultPassword }));
    expect(result.status).toBe(400);
    expect(result.data.message).toMatch(/Cochez la case/);
    expect((await userRow(user.id)).anonymizedAt).toBeNull();
  });

  it("refuses a post without the CSRF token and changes nothing", async () => {
    const user = await createSecretary();
    const result = await runRoute(
      page.action,
      await post(user.id, { password: defaultPassword, confirm: "on" }, false),
    );
    expect(result.status).toBe(403);
    expect((await userRow(user.id)).anonymizedAt).toBeNull();
  });

  it("refuses while a contract is active, with a French message (409)", async () => {
    const { secretary } = await createContract({ status: "ACTIVE" });
    const result = await runRoute(
      page.action,
      await post(secretary.id, { password: defaultPassword, confirm: "on" }),
    );
    expect(result.status).toBe(409);
    expect(result.data.message).toMatch(/contrat en cours/);
    expect((await userRow(secretary.id)).anonymizedAt).toBeNull();
  });

  it("deletes her own account only, logs her out, and her old session no longer opens anything", async () => {
    const [user, other] = [await createSecretary(), await createSecretary()];
    const request = await post(user.id, { password: defaultPassword, confirm: "on" });
    const cookie = request.headers.get("Cookie")!;
    const result = await runRoute(page.action, request);
    expect(result).toMatchObject({ status: 302, location: "/?compte=supprime" });
    expect(result.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect((await userRow(user.id)).anonymizedAt).not.toBeNull();
    expect((await userRow(other.id)).anonymizedAt).toBeNull();
    const after = await runRoute(
      zip.loader,
      new Request("http://localhost:3000/compte/donnees.zip", { headers: { Cookie: cookie } }),
    );
    expect(after.status).toBe(302);
  });
});
