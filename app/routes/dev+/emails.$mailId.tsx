import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { formatDateTime } from "#app/lib/dates";
import { requireDevTools } from "#app/lib/dev-tools.server";
import { findCapturedMail } from "#app/lib/mail.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.mail.subject ?? "E-mail"} — Permanence` }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  requireDevTools(context.clientIp);
  const mail = await findCapturedMail(params.mailId ?? "");
  if (!mail) throw data({ message: "Cet e-mail est introuvable." }, { status: 404 });
  return { mail };
}

/** Plain text with its links made clickable, so a tester can follow a verification link. */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <pre className="mail-text">
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}

export default function CapturedMail() {
  const { mail } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/dev/emails">← Tous les e-mails</Link>
      </p>
      <h1>{mail.subject}</h1>
      <p className="muted">
        À {mail.to} — de {mail.from} — {formatDateTime(mail.sentAt)}
      </p>
      <article className="card">
        <LinkedText text={mail.text} />
      </article>
    </div>
  );
}
