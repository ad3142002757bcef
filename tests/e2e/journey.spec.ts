import { expect, test } from "@playwright/test";
import { demoAccounts } from "../../app/cli/seed/demo-accounts";
import { linkFromMail, login, uniqueEmail } from "./helpers";

test("a secretary signs up, builds her profile, staff approve it, and anyone can see it", async ({ page }) => {
  const email = uniqueEmail("amelie");
  const name = `Amélie Test ${Date.now().toString(36)}`;

  await test.step("sign up as a secretary", async () => {
    await page.goto("/inscription");
    await page.getByLabel(/Je suis secrétaire indépendante/).check();
    await page.getByLabel("Votre nom et prénom").fill(name);
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill("une-phrase-solide");
    await page.getByLabel(/J’accepte les conditions/).check();
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(page).toHaveURL(/\/compte\/profil\?bienvenue=1/);
  });

  await test.step("verify the e-mail address from the captured mail", async () => {
    await page.goto(await linkFromMail(page, email, "/verification-email"));
    await expect(page.getByRole("status")).toHaveText("Merci, votre adresse e-mail est confirmée.");
  });

  await test.step("build the profile and send it for review", async () => {
    await page.goto("/compte/profil");
    await page.getByLabel("Titre").fill("Secrétaire médicale à distance, Doctolib");
    await page
      .getByLabel("Présentation", { exact: true })
      .fill("Dix ans de secrétariat médical en cabinet de groupe. Accueil téléphonique, prise de rendez-vous sur Doctolib et frappe de comptes rendus.");
    await page.getByRole("checkbox", { name: "Prise de rendez-vous" }).check();
    await page.getByRole("checkbox", { name: "Français" }).check();
    await page.getByRole("checkbox", { name: "À l’heure" }).check();
    await page.getByLabel("Tarif horaire (€ HT)").fill("32,50");
    await page.getByRole("checkbox", { name: "À distance" }).check();
    await page.getByRole("button", { name: "Envoyer pour validation" }).click();
    await expect(page.getByText("En attente de validation").first()).toBeVisible();
  });

  await test.step("a moderator approves it", async () => {
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await login(page, demoAccounts.moderation.email);
    await page.goto("/moderation");
    await page.getByRole("link", { name: name }).click();
    await page.getByRole("button", { name: "Approuver et publier" }).click();
    await expect(page).toHaveURL(/\/moderation/);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
  });

  await test.step("anyone finds the public profile", async () => {
    // The index follows the database through the outbox within a moment: search until she appears.
    await expect(async () => {
      await page.goto(`/secretaires?q=${encodeURIComponent(name)}`);
      await page.getByRole("link", { name }).first().click({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(page.getByText("Secrétaire médicale à distance, Doctolib")).toBeVisible();
    await expect(page.getByText("32,50 €")).toBeVisible();
    await expect(page.locator("body")).not.toContainText(email);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  // Without JavaScript the browser's own checks (required, type=email, minlength) run first; these
  // inputs pass them, so what shows is the server's answer to a plain form post.
  test("sign-up shows the server's French errors next to the fields and keeps what was typed", async ({ page }) => {
    await page.goto("/inscription");
    await page.getByLabel("Votre nom et prénom").fill("Jean Sansjs");
    await page.getByLabel("Nom de votre structure").fill("Cabinet Sansjs");
    await page.getByLabel("Adresse e-mail").fill("jean@exemple");
    await page.getByLabel("Mot de passe").fill("une-phrase-solide");
    await page.getByLabel(/J’accepte les conditions/).check();
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(page.getByText("L’adresse e-mail n’est pas valide.")).toBeVisible();
    await expect(page.getByLabel("Votre nom et prénom")).toHaveValue("Jean Sansjs");
    await expect(page.getByLabel("Mot de passe")).toHaveValue("");

    await page.getByLabel("Adresse e-mail").fill(demoAccounts.cabinet.email);
    await page.getByLabel("Mot de passe").fill("une-phrase-solide");
    await page.getByLabel(/J’accepte les conditions/).check();
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(page.getByText(/Un compte existe déjà avec cette adresse e-mail/)).toBeVisible();
  });

  test("a business logs in and gets its organisation form's errors from a plain form post", async ({ page }) => {
    await login(page, demoAccounts.artisan.email);
    await page.goto("/compte/organisation");
    await page.getByLabel("Numéro SIRET").fill("12345678901234");
    await page.getByRole("button", { name: /Enregistrer/ }).click();
    await expect(page.getByText(/Le numéro SIRET est invalide/)).toBeVisible();
  });
});

test("the keyboard reaches the main content first through the skip link", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#contenu$/);
});

test("pages run under a nonce-based CSP with no inline-script exception, and hydrate without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/secretaires");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toContain("unsafe-inline");
  // Remix sets its router on window once the nonce'd inline scripts ran and React hydrated.
  await expect.poll(() => page.evaluate(() => typeof (window as { __remixRouter?: unknown }).__remixRouter)).toBe("object");
  await page.getByRole("link", { name: "Missions", exact: true }).click();
  await expect(page).toHaveURL(/\/missions$/);
  expect(violations).toEqual([]);
});
