import { expect, type Page } from "@playwright/test";

export const demoPassword = "permanence-demo";

export const demo = {
  business: "cabinet@demo.permanence.fr",
  secretary: "secretaire@demo.permanence.fr",
  pendingSecretary: "nouvelle@demo.permanence.fr",
  agency: "agence@demo.permanence.fr",
  member: "membre@demo.permanence.fr",
  moderator: "moderation@demo.permanence.fr",
} as const;

export async function login(page: Page, email: string, password = demoPassword) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
}

/** Opens the newest captured e-mail sent to `to` and returns the first link in it matching `path`. */
export async function linkFromMail(page: Page, to: string, path: string): Promise<string> {
  await page.goto("/dev/emails");
  await page.getByRole("row", { name: new RegExp(to.replace(/[.+]/g, "\\$&")) }).first().getByRole("link").click();
  const href = await page.locator(`a[href*="${path}"]`).first().getAttribute("href");
  if (!href) throw new Error(`no ${path} link in the mail to ${to}`);
  return new URL(href).pathname + new URL(href).search;
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@exemple.fr`;
}
