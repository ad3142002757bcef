// Every staff route and action (each module under app/routes/moderation+, found by glob so new
// pages are covered too) sends a staff session that has not passed the TOTP second factor to the
// second-factor pages, and changes nothing; marketplace accounts are unaffected by the gate.
import { beforeAll, describe, expect, it } from "vitest";
import { enableTotpWithSecret } from "#app/auth/totp.server";
import { demoStaffTotpSecret } from "#app/cli/seed/demo-accounts";
import { db } from "#app/lib/db.server";
import * as dashboard from "#app/routes/tableau-de-bord+/_index";
import { createBusiness, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type RouteModule = { loader?: (args: never) => unknown; action?: (args: never) => unknown };
const modules = import.meta.glob<RouteModule>("../../app/routes/moderation+/*.{ts,tsx}", { eager: true });

/** URL and params for a module file name: `$param` segments get a made-up id. */
function target(file: string) {
  const name = file
    .split("/")
    .pop()!
    .replace(/\.tsx?$/, "");
  const params: Record<string, string> = {};
  const segments = name
    .split(".")
    .filter((segment) => segment !== "_index" && segment !== "_layout")
    .map((segment) => {
      if (!segment.startsWith("$")) return segment;
      params[segment.slice(1)] = "inconnu";
      return "inconnu";
    });
  return { name, path: ["/moderation", ...segments].join("/"), params };
}

const routes = Object.entries(modules).map(([file, module]) => ({ ...target(file), module }));
const users: { enrolled?: string; pending?: string; business?: string } = {};

beforeAll(async () => {
  users.enrolled = (await createStaff("ADMIN")).id;
  await enableTotpWithSecret(users.enrolled, demoStaffTotpSecret);
  users.pending = (await createStaff("MODERATOR")).id;
  users.business = (await createBusiness()).id;
});

it("finds the staff routes", () => {
  expect(routes.map((route) => route.name)).toEqual(
    expect.arrayContaining(["_layout", "_index", "journal", "signalements"]),
  );
});

const withLoader = routes.filter((route) => route.module.loader);
const withAction = routes.filter((route) => route.module.action);

describe.each(withLoader)("$name loader", ({ path, params, module }) => {
  it("GET without second factor → the code page, or enrolment", async () => {
    const enrolled = await runRoute(
      module.loader as never,
      await getRequest(path, { userId: users.enrolled, secondFactor: false }),
      params,
    );
    expect(enrolled.status).toBe(302);
    expect(enrolled.location).toBe(
      `/connexion/double-authentification?redirectTo=${encodeURIComponent(path)}`,
    );
    const pending = await runRoute(
      module.loader as never,
      await getRequest(path, { userId: users.pending, secondFactor: false }),
      params,
    );
    expect(pending.location).toBe(
      `/connexion/double-authentification/activation?redirectTo=${encodeURIComponent(path)}`,
    );
  });
});

describe.each(withAction)("$name action", ({ path, params, module }) => {
  it("POST without second factor → the code page, nothing written", async () => {
    const auditRows = await db.auditLog.count();
    const request = await formRequest(
      path,
      { intent: "approve", reason: "Test" },
      { userId: users.enrolled, secondFactor: false },
    );
    const result = await runRoute(module.action as never, request, params);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/connexion/double-authentification?redirectTo=%2Fmoderation");
    expect(await db.auditLog.count()).toBe(auditRows);
  });
});

it("leaves marketplace accounts alone: no second factor asked outside the staff console", async () => {
  const result = await runRoute(
    dashboard.loader,
    await getRequest("/tableau-de-bord", { userId: users.business, secondFactor: false }),
  );
  expect(result.status).toBe(200);
});
