import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStaff } from "#app/auth/session.server";
import { listOpenReports } from "#app/domain/reports/reports.server";
import { formatDate } from "#app/lib/dates";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Signalements — Modération — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  return handle(() => listOpenReports({ actor: staff }));
}

export default function Reports() {
  const { reports, total, limit } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Signalements</h1>
      <p className="lead">
        Les messages signalés par les utilisateurs, du plus ancien au plus récent. Le contenu est celui du
        message au moment du signalement.
      </p>
      {reports.length === 0 ? (
        <p className="notice" role="status">
          Aucun signalement en attente. Tout est à jour, merci !
        </p>
      ) : (
        <>
          <p role="status" className="muted">
            {total} signalement{total > 1 ? "s" : ""} en attente
            {total > limit ? ` : seuls les ${limit} plus anciens sont affichés.` : "."}
          </p>
          <table>
            <caption className="muted">Signalements en attente</caption>
            <thead>
              <tr>
                <th scope="col">Signalé le</th>
                <th scope="col">Motif</th>
                <th scope="col">Message</th>
                <th scope="col">Auteur du message</th>
                <th scope="col">Signalé par</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => (
                <tr key={report.id}>
                  <td>{formatDate(report.createdAt)}</td>
                  <td>
                    {report.reasonLabel}
                    {report.details ? <p className="muted">{report.details}</p> : null}
                  </td>
                  <td>
                    {report.snapshot ? (
                      <>
                        <p className="pre-line">
                          {report.snapshot.body || <span className="muted">(sans texte)</span>}
                        </p>
                        {report.snapshot.attachments.length > 0 ? (
                          <p className="muted">Pièces jointes : {report.snapshot.attachments.join(", ")}</p>
                        ) : null}
                      </>
                    ) : (
                      <span className="muted">Contenu indisponible</span>
                    )}
                  </td>
                  <td>{report.snapshot?.senderName ?? <span className="muted">Inconnu</span>}</td>
                  <td>{report.reporterName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
