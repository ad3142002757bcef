import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateTOTP } from "@epic-web/totp";
import { expect, type Cookie, type Page } from "@playwright/test";
import { demoAccounts, demoStaffTotpSecret } from "../../app/cli/seed/demo-accounts";

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
  if (await reuseStaffSession(page, email)) return;
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  if (demoStaff.includes(email)) await passSecondFactor(page);
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  if (demoStaff.includes(email)) saveStaffSession(email, await page.context().cookies());
}

/**
 * Each TOTP step is accepted once per account (the server remembers the last one), so dozens of
 * staff logins a minute cannot each type a fresh code: a staff session that passed the second
 * factor is shared by every worker of the run through a file, and reused until it is signed out
 * (a fresh login then types a code again). A stale file from an earlier run is simply refused.
 */
const staffSessionFile = path.join(os.tmpdir(), `permanence-e2e-staff-${process.env.E2E_PORT ?? "3100"}.json`);

function readStaffSessions(): Record<string, Cookie[]> {
  try {
    return JSON.parse(fs.readFileSync(staffSessionFile, "utf8")) as Record<string, Cookie[]>;
  } catch {
    return {};
  }
}

function saveStaffSession(email: string, cookies: Cookie[]) {
  const temporary = `${staffSessionFile}.${process.pid}`;
  fs.writeFileSync(temporary, JSON.stringify({ ...readStaffSessions(), [email]: cookies }));
  fs.renameSync(temporary, staffSessionFile);
}

async function reuseStaffSession(page: Page, email: string): Promise<boolean> {
  const cookies = readStaffSessions()[email]?.filter((cookie) => cookie.name === "permanence_session");
  if (!cookies?.length) return false;
  // A sign-out clicked just before may still be in flight: its blank cookie would land after ours.
  await page.waitForLoadState("networkidle");
  await page.goto("/connexion");
  await page.context().addCookies(cookies);
  await page.goto("/tableau-de-bord");
  return new URL(page.url()).pathname === "/tableau-de-bord";
}

const demoStaff: string[] = [demoAccounts.moderation.email, demoAccounts.admin.email];
const period = 30;

/**
 * Types the demo staff's TOTP code, computed from the seeded demo secret. The server accepts a step
 * once per account, up to one step early: the current step's code is tried first, then the next
 * step's, then — both taken by another worker — the next period is awaited and it starts again.
 */
async function passSecondFactor(page: Page) {
  await expect(page).toHaveURL(/\/connexion\/double-authentification\?/);
  for (let attempt = 0; attempt < 6; attempt++) {
    if (attempt > 0 && attempt % 2 === 0)
      await page.waitForTimeout((period - (Math.floor(Date.now() / 1000) % period) + 1) * 1000);
    const code =
      attempt % 2 === 0 ? (await generateTOTP({ secret: demoStaffTotpSecret })).otp : nextStepCode();
    await page.getByLabel("Code à 6 chiffres").fill(code);
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === "POST" && r.url().includes("double-authentification"),
      ),
      page.getByRole("button", { name: "Vérifier le code" }).click(),
    ]);
    if (response.status() < 400) return;
  }
  throw new Error("the demo staff second factor was refused six times");
}

/** RFC 6238 for the step after the current one (the library only computes the current one). */
function nextStepCode(): string {
  const key = base32Bytes(demoStaffTotpSecret);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / period) + 1));
  const hmac = crypto.createHmac("sha1", key).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0xf;
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

function base32Bytes(secret: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of secret) bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  return Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
}

/** Opens the newest captured e-mail sent to `to` and returns the first link in it matching `path`. */
export async function linkFromMail(page: Page, to: string, path: string): Promise<string> {
  await page.goto("/dev/emails");
  await page
    .getByRole("row", { name: new RegExp(to.replace(/[.+]/g, "\\$&")) })
    .first()
    .getByRole("link")
    .click();
  const href = await page.locator(`a[href*="${path}"]`).first().getAttribute("href");
  if (!href) throw new Error(`no ${path} link in the mail to ${to}`);
  return new URL(href).pathname + new URL(href).search;
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@exemple.fr`;
}
