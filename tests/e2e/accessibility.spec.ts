import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoAccounts } from "../../app/cli/seed/demo-accounts";
import { login } from "./helpers";

// axe-core (WCAG 2.1 A/AA rules) on the main pages of each side. Serious and critical findings fail.
// One test per page: a full axe run takes several seconds on a busy two-core machine, so a single
// test auditing every page ran out of its time budget in CI.
async function blockingViolations(page: Page, path: string) {
  await page.goto(path);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${path}: ${v.id} (${v.impact}) — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

const pagesBySignedInAccount: Array<{ email: string | null; paths: string[] }> = [
  {
    email: null,
    paths: ["/", "/secretaires", `/secretaires/${demoAccounts.secretaire.slug}`, "/missions", "/inscription", "/connexion"],
  },
  {
    email: demoAccounts.cabinet.email,
    paths: [
      "/tableau-de-bord",
      "/compte/organisation",
      "/missions/nouvelle",
      "/compte/missions",
      "/contrats",
      "/messages",
      "/notifications",
      "/compte/notifications",
      "/compte/donnees",
    ],
  },
  {
    email: demoAccounts.secretaire.email,
    paths: [
      "/tableau-de-bord",
      "/compte/profil",
      "/compte/propositions",
      "/contrats",
      "/messages",
      "/compte/attestation",
      "/compte/releve-annuel",
    ],
  },
  // Staff pages: login() passes the TOTP second factor (tests/e2e/helpers.ts).
  {
    email: demoAccounts.moderation.email,
    paths: [
      "/moderation",
      "/moderation/journal",
      "/moderation/missions",
      "/moderation/signalements",
      "/moderation/litiges",
      "/moderation/avis",
    ],
  },
  { email: demoAccounts.admin.email, paths: ["/moderation/equipe"] },
];
// Not audited: /contrats/:id/avis — the seed's only COMPLETED contract is between generated accounts
// whose addresses are random, and no demo account has one.

for (const { email, paths } of pagesBySignedInAccount) {
  for (const path of paths) {
    test(`${path} (${email ?? "visiteur"}) has no serious accessibility violations`, async ({ page }) => {
      if (email) await login(page, email);
      expect(await blockingViolations(page, path)).toEqual([]);
    });
  }
}

// A conversation's address is not known in advance: open the seeded one from the list.
test("a conversation page (cabinet) has no serious accessibility violations", async ({ page }) => {
  await login(page, demoAccounts.cabinet.email);
  await page.goto("/messages");
  await page.getByRole("link").filter({ hasText: "Frappe des comptes rendus de consultation" }).first().click();
  await expect(page).toHaveURL(/\/messages\/[^/]+$/);
  expect(await blockingViolations(page, new URL(page.url()).pathname)).toEqual([]);
});
