import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireStaff } from "#app/auth/session.server";
import { ReasonForm } from "#app/components/moderation-reason-form";
import { handleReport } from "#app/domain/reports/report-actions.server";
import { listOpenReports } from "#app/domain/reports/reports.server";
import {
  reportActionNotices,
  reportActionSchema,
  reportNoticeSchema,
  type OpenReportDTO,
} from "#app/domain/reports/reports.schema";
import { readForm } from "#app/lib/csrf.server";
import { formatDate } from "#app/lib/dates";
import { DomainError } from "#app/lib/domain-error";
import { handle, statusOf, toResponse } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Signalements — Modération — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  return handle(() => listOpenReports({ actor: staff }));
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  const formData = await handle(() => readForm(request));
  const parsed = reportActionSchema.safeParse(Object.fromEntries(formData));
  const reportId = String(formData.get("reportId") ?? "");
  if (!parsed.success) return data({ reportId, error: parsed.error.issues[0]!.message }, { status: 400 });
  try {
    const result = await handleReport({ actor: staff, action: parsed.data });
    return redirect(`/moderation/signalements?${new URLSearchParams({ fait: result.intent })}`);
  } catch (error) {
    // Already handled by someone else, or not applicable: say so next to the report.
    if (error instanceof DomainError && error.code !== "FORBIDDEN" && error.code !== "NOT_FOUND")
      return data({ reportId, error: error.message }, { status: statusOf(error) });
    return toResponse(error);
  }
}

const conversationKinds = { MISSION: "Échange avant contrat", CONTRACT: "Conversation du contrat" } as const;

const listingLabels = { PROFILE: "Profil", MISSION: "Mission", REVIEW: "Avis", USER: "Personne" } as const;
const userKinds: Record<string, string> = {
  BUSINESS: "entreprise",
  SECRETARY: "secrétaire",
  AGENCY_OWNER: "agence",
  STAFF: "équipe",
};

function ReviewContext({ review }: { review: NonNullable<OpenReportDTO["review"]> }) {
  return (
    <>
      <p>
        Avis de {review.authorLabel} (
        {review.authorSide === "BUSINESS" ? "côté entreprise" : "côté prestataire"}) · note {review.rating} /
        5
      </p>
      <blockquote className="pre-line">{review.comment}</blockquote>
      {review.hidden ? <p className="badge">Avis déjà masqué</p> : null}
    </>
  );
}

function UserContext({ report }: { report: OpenReportDTO }) {
  const user = report.reportedUser;
  if (!user) return <p className="muted">Compte introuvable</p>;
  const kind = report.reportedUserKind ? (userKinds[report.reportedUserKind] ?? report.reportedUserKind) : "";
  return (
    <p>
      Personne signalée : {user.name}
      {kind ? ` (${kind})` : null} · <Link to={report.listing!.link}>son profil public</Link> ·{" "}
      <Link to={`/moderation/utilisateurs/${user.id}`}>suspendre ou rétablir depuis sa fiche</Link>
    </p>
  );
}

function ListingContext({
  listing,
  report,
}: {
  listing: NonNullable<OpenReportDTO["listing"]>;
  report: OpenReportDTO;
}) {
  if (report.review) return <ReviewContext review={report.review} />;
  if (listing.kind === "USER") return <UserContext report={report} />;
  const staffLink =
    listing.kind === "PROFILE"
      ? `/moderation/profils/${report.targetId}`
      : `/moderation/missions/${report.targetId}`;
  return (
    <p>
      {listingLabels[listing.kind]} « <Link to={listing.link}>{listing.title}</Link> » ({listing.name}) ·{" "}
      <Link to={staffLink}>masquer ou rétablir depuis sa page de modération</Link>
    </p>
  );
}

function ReportContext({ report }: { report: OpenReportDTO }) {
  if (report.listing) return <ListingContext listing={report.listing} report={report} />;
  const snapshot = report.snapshot;
  if (!snapshot) return <p className="muted">Contenu indisponible</p>;
  return (
    <>
      {report.context ? (
        <p className="muted">
          {conversationKinds[report.context.conversationKind]} · mission « {report.context.missionTitle} » ·
          envoyé le {formatDate(snapshot.sentAt)}
        </p>
      ) : null}
      <blockquote className="pre-line">
        {snapshot.body || <span className="muted">(sans texte)</span>}
      </blockquote>
      {snapshot.attachments.length > 0 ? (
        <p className="muted">Pièces jointes : {snapshot.attachments.join(", ")}</p>
      ) : null}
      {report.messageHidden ? <p className="badge">Message déjà masqué</p> : null}
    </>
  );
}

function ReportedUser({ report }: { report: OpenReportDTO }) {
  const user = report.reportedUser;
  if (!user) return <p className="muted">Auteur inconnu</p>;
  return (
    <p>
      Auteur : <Link to={`/moderation/utilisateurs/${user.id}`}>{user.name}</Link> · {user.openReports}{" "}
      signalement{user.openReports > 1 ? "s" : ""} en attente
      {user.suspended ? <span className="badge warn"> compte suspendu</span> : null}
    </p>
  );
}

function ReportCard({ report, error }: { report: OpenReportDTO; error: string | null }) {
  const hidden = { reportId: report.id };
  const canSuspend = report.reportedUser && !report.reportedUser.suspended;
  return (
    <article className="card stack" aria-labelledby={`report-${report.id}`}>
      <h2 id={`report-${report.id}`}>
        {report.reasonLabel} <span className="muted">· signalé le {formatDate(report.createdAt)}</span>
      </h2>
      <p>Signalé par {report.reporterName}</p>
      {report.details ? <p className="pre-line">Précisions : {report.details}</p> : null}
      <ReportContext report={report} />
      <ReportedUser report={report} />
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="grid">
        <ReasonForm
          intent="dismiss"
          title="Classer sans suite"
          label="Motif du classement"
          submitLabel="Classer sans suite"
          hidden={hidden}
        />
        {report.targetType === "MESSAGE" && !report.messageHidden ? (
          <ReasonForm
            intent="hide-message"
            title="Masquer le message"
            label="Motif du masquage"
            submitLabel="Masquer le message"
            hidden={hidden}
          />
        ) : null}
        {report.review && !report.review.hidden ? (
          <ReasonForm
            intent="hide-review"
            title="Masquer l’avis"
            label="Motif du masquage"
            submitLabel="Masquer l’avis"
            hidden={hidden}
          />
        ) : null}
        {canSuspend ? (
          <ReasonForm
            intent="suspend-sender"
            title="Suspendre l’auteur"
            label="Motif de la suspension"
            submitLabel="Suspendre le compte"
            hidden={hidden}
            danger
          >
            <p className="muted">
              Ses sessions sont fermées, son profil quitte la recherche, ses propositions en cours sont
              retirées et ses contrats sont signalés à l’autre partie.
            </p>
          </ReasonForm>
        ) : null}
      </div>
    </article>
  );
}

export default function Reports() {
  const { reports, total, limit } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = reportNoticeSchema.parse(params.get("fait") ?? undefined);
  return (
    <div className="stack">
      <h1>Signalements</h1>
      <p className="lead">
        Les contenus signalés par les utilisateurs, du plus ancien au plus récent. Le contenu est celui du
        message au moment du signalement.
      </p>
      {done ? (
        <p className="notice" role="status">
          {reportActionNotices[done]}
        </p>
      ) : null}
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
          {reports.map((report) => (
            <ReportCard
              key={report.id}
              report={report}
              error={failure?.reportId === report.id ? failure.error : null}
            />
          ))}
        </>
      )}
    </div>
  );
}
