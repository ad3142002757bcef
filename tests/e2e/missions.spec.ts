import { expect, test } from "@playwright/test";
import { demoAccounts } from "../../app/cli/seed/demo-accounts";
import { login } from "./helpers";

/** A Monday at least two weeks ahead, as the date input wants it. */
function nextMonday(): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 14 + ((8 - day.getUTCDay()) % 7));
  return day.toISOString().slice(0, 10);
}

test("a business posts a recurring per-task mission, staff approve it, anyone finds it and downloads its sessions", async ({
  page,
}) => {
  const title = `Prise de rendez-vous cabinet ${Date.now().toString(36)}`;
  let missionUrl = "";

  await test.step("post and submit the mission", async () => {
    await login(page, demoAccounts.cabinet.email);
    await page.goto("/missions/nouvelle");
    await page.getByLabel("Titre").fill(title);
    await page.getByLabel("Description").fill("Prise de rendez-vous Doctolib et accueil téléphonique pour un cabinet de deux médecins.");
    await page.getByRole("checkbox", { name: "Prise de rendez-vous" }).check();
    await page.getByRole("checkbox", { name: "Français" }).check();
    await page.getByRole("radio", { name: "À la tâche" }).check();
    // With JavaScript the form only shows the chosen mode's fields.
    await expect(page.getByLabel("Tarif horaire maximum (€ HT)")).toBeHidden();
    await page.getByLabel("Rendez-vous pris — prix unitaire").fill("2,20");
    await page.getByLabel("Rendez-vous pris — volume par mois").fill("120");
    await page.getByRole("radio", { name: "Récurrente" }).check();
    await expect(page.getByLabel("Consignes de passation")).toBeHidden();
    await page.getByLabel("Date de début").fill(nextMonday());
    await page.getByRole("checkbox", { name: "lundi" }).check();
    await page.getByRole("checkbox", { name: "jeudi" }).check();
    await page.getByLabel("Premier créneau — début").fill("09:00");
    await page.getByLabel("Premier créneau — fin").fill("12:00");
    await page.getByLabel("Ou durée en semaines").fill("12");
    await page.getByRole("radio", { name: "À distance" }).check();
    await page.getByRole("button", { name: "Enregistrer et envoyer pour validation" }).click();
    await expect(page.getByText("En attente de validation").first()).toBeVisible();
    await expect(page.getByText(/tous les lundis et jeudis, 9 h – 12 h/i)).toBeVisible();
    missionUrl = new URL(page.url()).pathname;
    await page.getByRole("button", { name: "Se déconnecter" }).click();
  });

  await test.step("a moderator approves it", async () => {
    await login(page, demoAccounts.moderation.email);
    await page.goto("/moderation/missions");
    await page.getByRole("link", { name: title }).click();
    await page.getByRole("button", { name: "Approuver et publier" }).click();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
  });

  await test.step("anyone finds it and gets its calendar", async () => {
    await expect(async () => {
      await page.goto(`/missions?q=${encodeURIComponent(title)}`);
      await page.getByRole("link", { name: title }).first().click({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(page).toHaveURL(new RegExp(`${missionUrl}$`));
    await expect(page.getByText("2,20 €").first()).toBeVisible();
    const ics = await page.request.get(`${missionUrl}.ics`);
    expect(ics.status()).toBe(200);
    const body = await ics.text();
    expect(body).toContain("BEGIN:VCALENDAR");
    expect(body.match(/BEGIN:VEVENT/g)?.length).toBe(24);
  });
});

test("mission pages answer each role as expected", async ({ page }) => {
  const expectations: [string, number | "login"][] = [
    ["/missions", 200],
    ["/missions/nouvelle", "login"],
    ["/compte/missions", "login"],
    ["/moderation/missions", "login"],
  ];
  for (const [path, expected] of expectations) {
    const response = await page.goto(path);
    if (expected === "login") await expect(page, path).toHaveURL(/\/connexion\?redirectTo=/);
    else expect(response?.status(), path).toBe(expected);
  }
  await login(page, demoAccounts.secretaire.email);
  for (const path of ["/missions/nouvelle", "/compte/missions", "/moderation/missions"]) {
    expect((await page.goto(path))?.status(), path).toBe(403);
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the mission form shows every section, since nothing can hide the ones that do not apply", async ({ page }) => {
    await login(page, demoAccounts.cabinet.email);
    await page.goto("/missions/nouvelle");
    await expect(page.getByLabel("Tarif horaire maximum (€ HT)")).toBeVisible();
    await expect(page.getByLabel("Montant du forfait (€ HT)")).toBeVisible();
    await expect(page.getByLabel("Consignes de passation")).toBeVisible();
  });
});
