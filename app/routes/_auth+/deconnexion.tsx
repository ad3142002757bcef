import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "#app/auth/session.server";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await handle(() => readForm(request));
  return redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
}
