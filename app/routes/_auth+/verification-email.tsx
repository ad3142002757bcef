import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { verifyEmail } from "#app/domain/accounts/accounts.server";

export const meta: MetaFunction = () => [{ title: "Vérification de l’adresse e-mail — Permanence" }];

const paramsSchema = z.object({ token: z.string().min(20).max(200) });

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = paramsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return { ok: false as const, message: "Ce lien n’est pas valide." };
  const result = await verifyEmail(parsed.data.token);
  return result.ok ? { ok: true as const } : { ok: false as const, message: result.message };
}

export default function VerifyEmail() {
  const result = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Vérification de l’adresse e-mail</h1>
      {result.ok ? (
        <p className="notice" role="status">
          Merci, votre adresse e-mail est confirmée.
        </p>
      ) : (
        <p className="form-error" role="alert">
          {result.message}
        </p>
      )}
      <p>
        <Link to="/compte">Aller à mon compte</Link>
      </p>
    </div>
  );
}
