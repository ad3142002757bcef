import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "#app/lib/dates";
import { requireDevTools } from "#app/lib/dev-tools.server";
import { listCapturedMail } from "#app/lib/mail.server";

export const meta: MetaFunction = () => [{ title: "E-mails capturés — Permanence" }];

export async function loader({ context }: LoaderFunctionArgs) {
  requireDevTools(context.clientIp);
  const mails = await listCapturedMail();
  return { mails: mails.slice(0, 100).map(({ id, to, subject, sentAt }) => ({ id, to, subject, sentAt })) };
}

export default function CapturedMails() {
  const { mails } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>E-mails capturés</h1>
      <p className="lead">
        Sans serveur SMTP configuré, Permanence n’envoie pas les e-mails : elle les garde dans <code>data/mail/</code> et
        les affiche ici.
      </p>
      {mails.length === 0 ? (
        <p>Aucun e-mail pour l’instant.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Envoyé</th>
              <th scope="col">Destinataire</th>
              <th scope="col">Objet</th>
            </tr>
          </thead>
          <tbody>
            {mails.map((m) => (
              <tr key={m.id}>
                <td>{formatDateTime(m.sentAt)}</td>
                <td>{m.to}</td>
                <td>
                  <Link to={`/dev/emails/${m.id}`}>{m.subject}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
