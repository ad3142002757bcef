import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoAccounts } from "../../app/cli/seed/demo-accounts";
import { login } from "./helpers";

// axe-core (WCAG 2.1 A/AA rules) on the main pages of each side. Serious and critical findings fail.
async function audit(page: Page, path: string) {
  await page.goto(path);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${path}: ${v.id} (${v.impact}) — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  return blocking;
}

test("public pages have no serious accessibility violations", async ({ page }) => {
  const found: string[] = [];
  for (const path of ["/", "/secretaires", `/secretaires/${demoAccounts.secretaire.slug}`, "/missions", "/inscription", "/connexion"]) {
    found.push(...(await audit(page, path)));
  }
  expect(found).toEqual([]);
});

test("signed-in pages have no serious accessibility violations", async ({ page }) => {
  const found: string[] = [];
  await login(page, demoAccounts.cabinet.email);
  for (const path of ["/compte", "/compte/organisation", "/missions/nouvelle", "/compte/missions"]) {
    found.push(...(await audit(page, path)));
  }
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await login(page, demoAccounts.secretaire.email);
  found.push(...(await audit(page, "/compte/profil")));
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await login(page, demoAccounts.moderation.email);
  for (const path of ["/moderation", "/moderation/journal", "/moderation/missions"]) {
    found.push(...(await audit(page, path)));
  }
  expect(found).toEqual([]);
});
