// Helpers for the agency team and invitation tests: drive the real routes as a browser would.
import { listCapturedMail } from "#app/lib/mail.server";
import * as team from "#app/routes/agence+/equipe";
import * as invitation from "#app/routes/invitation+/$token";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

export const TEAM = "/agence/equipe";

export async function invite(ownerId: string, email: string) {
  return runRoute(team.action, await formRequest(TEAM, { intent: "invite", email }, { userId: ownerId }));
}

/** The token of the latest invitation e-mailed to `email`. */
export async function tokenFromMail(email: string): Promise<string> {
  const mail = (await listCapturedMail()).find((m) => m.to === email);
  const token = mail?.text.match(/https?:\/\/\S+\/invitation\/([A-Za-z0-9_-]{43})\b/)?.[1];
  if (!token) throw new Error(`no invitation link mailed to ${email}`);
  return token;
}

/** Invites `email` from the owner's team page and returns the token from the e-mail. */
export async function invited(ownerId: string, email: string) {
  const result = await invite(ownerId, email);
  if (result.status !== 302) throw new Error(`invitation refused: ${JSON.stringify(result.data)}`);
  return tokenFromMail(email);
}

export async function viewInvitation(token: string, userId?: string) {
  return runRoute(invitation.loader, await getRequest(`/invitation/${token}`, { userId }), { token });
}

export async function postInvitation(
  token: string,
  fields: Record<string, string | undefined>,
  userId?: string,
) {
  return runRoute(invitation.action, await formRequest(`/invitation/${token}`, fields, { userId }), {
    token,
  });
}

export const newAccountForm = {
  intent: "create",
  displayName: "Inès Moreau",
  password: "une-phrase-longue",
  acceptTerms: "on",
};
