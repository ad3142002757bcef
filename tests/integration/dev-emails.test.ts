import { describe, expect, it } from "vitest";
import { sendMail } from "#app/lib/mail.server";
import * as mailPage from "#app/routes/dev+/emails.$mailId";
import * as mailList from "#app/routes/dev+/emails._index";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const fromThisMachine = { clientIp: "127.0.0.1", requestId: "t" };
const fromElsewhere = { clientIp: "203.0.113.9", requestId: "t" };

describe("captured e-mails page", () => {
  it("lists captured mail to a browser on this machine", async () => {
    await sendMail({ to: "claire@exemple.fr", subject: "Bonjour", text: "Lien : http://localhost/x", html: "<p>x</p>" });
    const list = await runRoute(mailList.loader, await getRequest("/dev/emails"), {}, fromThisMachine);
    expect(list.data.mails.map((m: { subject: string }) => m.subject)).toContain("Bonjour");
    const one = await runRoute(mailPage.loader, await getRequest("/dev/emails/x"), { mailId: list.data.mails[0].id }, fromThisMachine);
    expect(one.data.mail.text).toContain("http://localhost/x");
  });

  it("answers 404 to anyone else, since mails carry reset and invitation links", async () => {
    await sendMail({ to: "claire@exemple.fr", subject: "Secret", text: "token", html: "<p>token</p>" });
    const list = await runRoute(mailList.loader, await getRequest("/dev/emails"), {}, fromElsewhere);
    expect(list.status).toBe(404);
    const one = await runRoute(mailPage.loader, await getRequest("/dev/emails/x"), { mailId: "x" }, fromElsewhere);
    expect(one.status).toBe(404);
  });

  it("refuses a mail id that is not a plain name", async () => {
    const one = await runRoute(mailPage.loader, await getRequest("/dev/emails/x"), { mailId: "../secret" }, fromThisMachine);
    expect(one.status).toBe(404);
  });
});
