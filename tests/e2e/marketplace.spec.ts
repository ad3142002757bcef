import { expect, test, type Page } from "@playwright/test";
import { demoAccounts } from "../../app/cli/seed/demo-accounts";
import { login } from "./helpers";

// The whole marketplace loop through the browser, as its users do it: a recurring per-task mission
// is posted and approved, a secretary proposes, the business accepts, both accept the terms, work
// is logged (by the secretary, then by her replacement) and approved, and the monthly statement
// shows what is owed. Work can only be logged up to today, so the mission starts today.

/** Today in Paris, as date inputs want it. */
const parisDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(Date.now() + offsetDays * 86_400_000));

async function logout(page: Page) {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
}

async function logTasks(page: Page, contractUrl: string, day: string, appointments: string) {
  await page.goto(`${contractUrl}/travail`);
  const form = page.getByRole("form", { name: "Saisir des tâches" });
  await form.getByLabel("Date").fill(day);
  await form.getByLabel(/Rendez-vous pris/).fill(appointments);
  await form.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByText(`Rendez-vous pris × ${appointments}`).first()).toBeVisible();
}

async function approveAllWork(page: Page, contractUrl: string) {
  await page.goto(`${contractUrl}/travail`);
  await page.getByRole("button", { name: /^Valider : / }).first().click();
  await expect(page.getByRole("button", { name: /^Valider : / })).toHaveCount(0);
}

test("a recurring per-task mission goes from posting to an approved monthly statement, with a replacement", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const title = `Prise de rendez-vous Tilleuls ${Date.now().toString(36)}`;
  const today = parisDay();
  let missionUrl = "";
  let contractUrl = "";

  await test.step("the business posts the mission and staff approve it", async () => {
    await login(page, demoAccounts.cabinet.email);
    await page.goto("/missions/nouvelle");
    await page.getByLabel("Titre").fill(title);
    await page.getByLabel("Description").fill("Prise de rendez-vous Doctolib pour les deux médecins du cabinet, le matin.");
    await page.getByRole("checkbox", { name: "Prise de rendez-vous" }).check();
    await page.getByRole("checkbox", { name: "Français" }).check();
    await page.getByRole("radio", { name: "À la tâche" }).check();
    await page.getByLabel("Rendez-vous pris — prix unitaire").fill("2,20");
    await page.getByLabel("Rendez-vous pris — volume par mois").fill("150");
    await page.getByRole("radio", { name: "Récurrente" }).check();
    await page.getByLabel("Date de début").fill(today);
    for (const day of ["lundi", "mardi", "mercredi", "jeudi", "vendredi"]) await page.getByRole("checkbox", { name: day }).check();
    await page.getByLabel("Premier créneau — début").fill("09:00");
    await page.getByLabel("Premier créneau — fin").fill("12:00");
    await page.getByLabel("Ou durée en semaines").fill("12");
    await page.getByRole("radio", { name: "À distance" }).check();
    await page.getByRole("button", { name: "Enregistrer et envoyer pour validation" }).click();
    await expect(page.getByText("En attente de validation").first()).toBeVisible();
    missionUrl = new URL(page.url()).pathname;
    await logout(page);

    await login(page, demoAccounts.moderation.email);
    await page.goto("/moderation/missions");
    await page.getByRole("link", { name: title }).click();
    await page.getByRole("button", { name: "Approuver et publier" }).click();
    await logout(page);
  });

  await test.step("a secretary proposes her price per appointment", async () => {
    await login(page, demoAccounts.secretaire.email);
    await page.goto(missionUrl);
    await page.getByRole("link", { name: "Proposer mes services" }).click();
    await page.getByLabel("Rendez-vous pris").fill("2,10");
    await page.getByLabel("Date de début possible").fill(today);
    await page.getByLabel("Votre message à l’entreprise").fill("Secrétaire médicale depuis dix ans, je connais Doctolib et je suis libre tous les matins.");
    await page.getByLabel(/Je confirme être disponible/).check();
    await page.getByRole("button", { name: "Envoyer ma proposition" }).click();
    await expect(page).toHaveURL(/envoyee=1/);
    await logout(page);
  });

  await test.step("the business compares and accepts; both sides accept the terms", async () => {
    await login(page, demoAccounts.cabinet.email);
    await page.goto(`${missionUrl}/propositions`);
    const row = page.getByRole("row").filter({ hasText: demoAccounts.secretaire.displayName });
    await expect(row).toContainText("2,10 €");
    await row.getByRole("button", { name: "Accepter", exact: true }).click();
    await expect(page).toHaveURL(/\/contrats\/[^/?]+/);
    contractUrl = new URL(page.url()).pathname;
    await page.getByRole("button", { name: "Accepter le contrat au nom de l’entreprise" }).click();
    await expect(page.getByText(/Entreprise : accepté/i)).toBeVisible();
    await logout(page);

    await login(page, demoAccounts.secretaire.email);
    await page.goto(contractUrl);
    // The mandate is required: the browser will not submit without it.
    await page.getByLabel(/J’autorise Permanence à émettre mes factures/).check();
    await page.getByRole("button", { name: "Accepter le contrat et le mandat de facturation" }).click();
    await expect(page).toHaveURL(/active=1/);
    await expect(page.getByText("En cours").first()).toBeVisible();
  });

  await test.step("the secretary logs the appointments she booked today", async () => {
    await logTasks(page, contractUrl, today, "40");
    await logout(page);
  });

  await test.step("the business approves it and names a replacement from today", async () => {
    await login(page, demoAccounts.cabinet.email);
    await approveAllWork(page, contractUrl);
    await page.goto(`${contractUrl}/remplacements`);
    const absent = page.getByLabel("Personne absente");
    const value = await absent.locator("option", { hasText: demoAccounts.secretaire.displayName }).getAttribute("value");
    await absent.selectOption(value ?? "");
    await page.getByLabel("Profil de la remplaçante").fill(`/secretaires/${demoAccounts.membre.slug}`);
    await page.getByLabel("Premier jour remplacé").fill(today);
    await page.getByLabel("Dernier jour remplacé").fill(parisDay(6));
    await page.getByRole("button", { name: "Enregistrer le remplacement" }).click();
    await expect(page.getByText(demoAccounts.membre.displayName).first()).toBeVisible();
    await logout(page);
  });

  await test.step("the replacement logs her own work, which the business approves", async () => {
    await login(page, demoAccounts.membre.email);
    await logTasks(page, contractUrl, today, "25");
    await logout(page);

    await login(page, demoAccounts.cabinet.email);
    await approveAllWork(page, contractUrl);
  });

  await test.step("the monthly statement shows what each one is owed", async () => {
    await page.goto(`${contractUrl}/releves/${today.slice(0, 7)}`);
    const statement = page.getByRole("main");
    // 40 × 2,10 € by the secretary, 25 × 2,10 € by her replacement; 10 % platform fee.
    await expect(statement).toContainText(demoAccounts.secretaire.displayName);
    await expect(statement).toContainText(demoAccounts.membre.displayName);
    await expect(statement).toContainText("84,00 €");
    await expect(statement).toContainText("52,50 €");
    await expect(statement).toContainText("136,50 €");
    await expect(statement).toContainText("13,65 €");
    await expect(statement).toContainText("122,85 €");
    const csv = await page.request.get(`${contractUrl}/releves/${today.slice(0, 7)}.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/text\/csv/);
    expect(await csv.text()).toContain(demoAccounts.membre.displayName);
  });
});
