import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import { generateTOTP } from "@epic-web/totp";
import { expect, test, type Page } from "@playwright/test";
import { demoAccounts } from "../../app/cli/seed/demo-accounts";
import { login, uniqueEmail } from "./helpers";

// The staff second factor in a browser: a new staff account enrols at its first login (QR code
// and key, one code to confirm), the demo admin types a code; both pages pass axe.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

async function blockingViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

/** `npm run staff:create` against the e2e server's data folder; returns the printed password. */
async function createStaff(email: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    path.join(root, "node_modules/.bin/tsx"),
    ["app/cli/staff-create.ts", email],
    {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: path.join(root, "data", "e2e"),
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
      },
    },
  );
  expect(stdout).toContain("Double authentification : à activer à la première connexion");
  return stdout.match(/notez-le\) : (\S+)/)![1]!;
}

test("a new staff member enrols at her first login, then reaches the console", async ({ page }) => {
  const email = uniqueEmail("equipe");
  const password = await createStaff(email);
  await page.goto("/connexion?redirectTo=%2Fmoderation");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/connexion\/double-authentification\/activation\?redirectTo=%2Fmoderation$/);
  await expect(page.getByRole("img", { name: /QR code d’activation/ })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);

  await page.getByLabel("Code à 6 chiffres").fill("000000");
  await page.getByRole("button", { name: "Activer et continuer" }).click();
  await expect(page.getByRole("alert")).toContainText(/Ce code n’est pas valide|Ce code vient déjà/);

  const secret = (await page.locator("code").first().innerText()).replace(/\s+/g, "");
  await page.getByLabel("Code à 6 chiffres").fill((await generateTOTP({ secret })).otp);
  await page.getByRole("button", { name: "Activer et continuer" }).click();
  await expect(page).toHaveURL(/\/moderation$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the demo admin types her code after the password; the code page is accessible", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(demoAccounts.admin.email);
  await page.getByLabel("Mot de passe").fill(demoAccounts.admin.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/connexion\/double-authentification\?redirectTo=%2Ftableau-de-bord$/);
  await expect(page.getByLabel("Code à 6 chiffres")).toHaveAttribute("autocomplete", "one-time-code");
  await expect(page.getByLabel("Code à 6 chiffres")).toHaveAttribute("inputmode", "numeric");
  expect(await blockingViolations(page)).toEqual([]);
  await page.goto("/moderation");
  await expect(page).toHaveURL(/\/connexion\/double-authentification\?redirectTo=%2Fmoderation$/);
});

test("the shared login helper passes the second factor for the demo moderator", async ({ page }) => {
  await login(page, demoAccounts.moderation.email);
  await page.goto("/moderation");
  await expect(page).toHaveURL(/\/moderation$/);
});
