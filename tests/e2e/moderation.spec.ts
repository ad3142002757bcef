import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoAccounts } from "../../app/cli/seed/demo-accounts";
import { linkFromMail, login, uniqueEmail } from "./helpers";

// A fresh secretary (other specs rely on the seeded ones, and a suspension would break them) asks
// the demo plumber a question about his open mission; he reports her message, a moderator suspends
// her from the reports queue, and she can no longer log in nor be found in /secretaires.

const artisanMission = "Rattrapage de la saisie des factures de fin d’année";
const password = "une-phrase-solide";

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function publishedSecretary(page: Page, browser: Browser, name: string, email: string) {
  await page.goto("/inscription");
  await page.getByLabel(/Je suis secrétaire indépendante/).check();
  await page.getByLabel("Votre nom et prénom").fill(name);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByLabel(/J’accepte les conditions/).check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page).toHaveURL(/\/compte\/profil\?bienvenue=1/);
  await page.goto(await linkFromMail(page, email, "/verification-email"));
  await expect(page.getByRole("status")).toHaveText("Merci, votre adresse e-mail est confirmée.");
  await page.goto("/compte/profil");
  await page.getByLabel("Titre").fill("Saisie comptable à distance, EBP");
  await page
    .getByLabel("Présentation", { exact: true })
    .fill(
      "Huit ans de secrétariat administratif et comptable en PME du bâtiment. Saisie des factures, rapprochements bancaires et classement.",
    );
  await page.getByRole("checkbox", { name: "Prise de rendez-vous" }).check();
  await page.getByRole("checkbox", { name: "Français" }).check();
  await page.getByRole("checkbox", { name: "À l’heure" }).check();
  await page.getByLabel("Tarif horaire (€ HT)").fill("30");
  await page.getByRole("checkbox", { name: "À distance" }).check();
  await page.getByRole("button", { name: "Envoyer pour validation" }).click();
  await expect(page.getByText("En attente de validation").first()).toBeVisible();

  const moderator = await newPage(browser);
  await login(moderator, demoAccounts.moderation.email);
  await moderator.goto("/moderation");
  await moderator.getByRole("link", { name }).click();
  await moderator.getByRole("button", { name: "Approuver et publier" }).click();
  await expect(moderator).toHaveURL(/\/moderation/);
  await moderator.context().close();
}

/** Serious and critical WCAG 2.1 A/AA findings on the current page (as accessibility.spec.ts counts them). */
async function blockingViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help}`);
}

async function findsProfile(page: Page, name: string): Promise<boolean> {
  await page.goto(`/secretaires?q=${encodeURIComponent(name)}`);
  return (await page.getByRole("link", { name }).count()) > 0;
}

test("a reported message leads to the sender's suspension: no more login, no more profile in search", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  const name = `Bérénice Test ${run}`;
  const email = uniqueEmail("berenice");
  const body = `Payez-moi directement par virement, c’est moins cher ${run}`;
  const secretary = await newPage(browser);
  let conversationUrl = "";

  await test.step("a fresh secretary is published and searchable", async () => {
    await publishedSecretary(secretary, browser, name, email);
    await expect(async () => expect(await findsProfile(secretary, name)).toBe(true)).toPass({
      timeout: 15_000,
    });
  });

  await test.step("she asks the plumber a question on his open mission", async () => {
    await secretary.goto(`/missions?q=${encodeURIComponent("saisie des factures")}`);
    await secretary.getByRole("link", { name: artisanMission }).first().click();
    await secretary.getByText("Poser une question").click();
    await secretary.getByLabel("Votre question à l’entreprise").fill(body);
    await secretary.getByRole("button", { name: "Envoyer la question" }).click();
    await expect(secretary).toHaveURL(/\/messages\/[^/?]+$/);
    conversationUrl = new URL(secretary.url()).pathname;
  });

  await test.step("the business reports her message", async () => {
    const artisan = await newPage(browser);
    await login(artisan, demoAccounts.artisan.email);
    await artisan.goto(conversationUrl);
    const message = artisan.getByRole("listitem").filter({ hasText: body });
    await message.getByText("Signaler ce message").click();
    await message
      .getByLabel("Motif")
      .selectOption({ label: "Échange de coordonnées pour contourner la plateforme" });
    await message.getByRole("button", { name: "Envoyer le signalement" }).click();
    await expect(artisan.getByText("Merci : le message est signalé à l’équipe de modération.")).toBeVisible();
    // And her public profile, from its page.
    await artisan.goto(`/secretaires?q=${encodeURIComponent(name)}`);
    await artisan.getByRole("link", { name }).first().click();
    await artisan.getByText("Signaler ce profil").click();
    await artisan
      .getByLabel("Motif du signalement")
      .selectOption({ label: "Tentative d’arnaque ou de fraude" });
    await artisan.getByRole("button", { name: "Envoyer le signalement" }).click();
    await expect(artisan.getByRole("status")).toHaveText(
      "Merci : votre signalement est transmis à l’équipe de modération.",
    );
    await artisan.context().close();
  });

  await test.step("a moderator suspends the sender from the reports queue", async () => {
    const moderator = await newPage(browser);
    await login(moderator, demoAccounts.moderation.email);
    await moderator.goto("/moderation/signalements");
    const card = moderator.getByRole("article").filter({ hasText: body });
    await expect(card).toContainText(name);
    await expect(card).toContainText(artisanMission);
    await expect(
      moderator.getByRole("article").filter({ hasText: "Saisie comptable à distance, EBP" }),
    ).toContainText(`${name} · 2 signalements en attente`);
    expect(await blockingViolations(moderator)).toEqual([]);
    const accountHref = await card.getByRole("link", { name }).getAttribute("href");
    const suspend = card.getByRole("form", { name: "Suspendre l’auteur" });
    await suspend.getByLabel("Motif de la suspension").fill("Incite à payer hors de la plateforme.");
    await suspend.getByRole("button", { name: "Suspendre le compte" }).click();
    await expect(moderator.getByRole("status").first()).toContainText("Le compte est suspendu");
    await expect(moderator.getByRole("article").filter({ hasText: body })).toHaveCount(0);
    await moderator.goto(accountHref!);
    await expect(moderator.getByText(/^Suspendu le/)).toBeVisible();
    await expect(moderator.getByRole("button", { name: "Réactiver le compte" })).toBeVisible();
    expect(await blockingViolations(moderator)).toEqual([]);
    await moderator.context().close();
  });

  await test.step("her open session is gone and she can no longer log in", async () => {
    await secretary.goto("/compte/profil");
    await expect(secretary).toHaveURL(/\/connexion/);
    await secretary.getByLabel("Adresse e-mail").fill(email);
    await secretary.getByLabel("Mot de passe").fill(password);
    await secretary.getByRole("button", { name: "Se connecter" }).click();
    await expect(secretary.getByText(/Ce compte est suspendu/)).toBeVisible();
    await expect(secretary).toHaveURL(/\/connexion/);
  });

  await test.step("her profile is gone from search", async () => {
    await expect(async () => expect(await findsProfile(secretary, name)).toBe(false)).toPass({
      timeout: 15_000,
    });
  });
});
