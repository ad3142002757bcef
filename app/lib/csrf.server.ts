import { createCookie } from "@remix-run/node";
import { CSRF, CSRFError } from "remix-utils/csrf/server";
import { DomainError } from "./domain-error";
import { secureCookies } from "./env.server";
import { getSessionSecret } from "./secrets.server";

let instance: CSRF | undefined;

function csrf(): CSRF {
  instance ??= new CSRF({
    cookie: createCookie("permanence_csrf", {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies(),
      secrets: [getSessionSecret()],
    }),
    secret: getSessionSecret(),
  });
  return instance;
}

/** The token every form posts back, and the cookie to set when it is new. */
export function commitCsrfToken(request: Request) {
  return csrf().commitToken(request);
}

/**
 * Reads a posted form and checks its authenticity token against the cookie.
 * Every mutating action starts here, so a forged cross-site post changes nothing.
 */
export async function readForm(request: Request): Promise<FormData> {
  const formData = await request.formData();
  try {
    await csrf().validate(formData, request.headers);
  } catch (error) {
    if (error instanceof CSRFError) {
      throw new DomainError(
        "FORBIDDEN",
        "Le formulaire a expiré ou ne vient pas de Permanence. Rechargez la page et recommencez.",
      );
    }
    throw error;
  }
  return formData;
}
