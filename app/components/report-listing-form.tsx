// "Signaler" on a public profile, a mission page or a published review: a disclosure with the
// reasons, posted to /signaler, which comes back to the page with ?signale=ok|doublon|refus (and
// &avis=<id> for a review, so only that review's form shows the notice). Works without JavaScript.
// On a profile, the reporter chooses between the profile itself and the person (USER, resolved
// from the slug on the server: the user id never reaches the page).
import { Form, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import {
  listingReportNotices,
  reportReasonLabels,
  reportReasons,
  type ListingReportNotice,
} from "#app/domain/reports/reports.schema";

type FormTarget = "PROFILE" | "MISSION" | "REVIEW";

const summaries = {
  PROFILE: "Signaler ce profil",
  MISSION: "Signaler cette mission",
  REVIEW: "Signaler cet avis",
} as const;

function ProfileTargetChoice() {
  return (
    <fieldset className="field">
      <legend>Que signalez-vous ?</legend>
      <label>
        <input type="radio" name="targetType" value="PROFILE" defaultChecked /> Le profil (contenu de
        l’annonce)
      </label>
      <label>
        <input type="radio" name="targetType" value="USER" /> Signaler la personne (comportement)
      </label>
    </fieldset>
  );
}

function useNotice(targetType: FormTarget, targetId: string) {
  const [params] = useSearchParams();
  const notice = params.get("signale");
  const review = params.get("avis");
  const mine = targetType === "REVIEW" ? review === targetId : review === null;
  return mine && notice && notice in listingReportNotices ? (notice as ListingReportNotice) : null;
}

export function ReportListingForm({ targetType, targetId }: { targetType: FormTarget; targetId: string }) {
  const root = useRouteLoaderData<{ user: { id: string } | null }>("root");
  const notice = useNotice(targetType, targetId);
  if (notice) {
    return (
      <p className="notice" role="status">
        {listingReportNotices[notice]}
      </p>
    );
  }
  if (!root?.user) return null;
  const id = targetType === "REVIEW" ? `report-review-${targetId}` : `report-${targetType.toLowerCase()}`;
  return (
    <details className="report-listing">
      <summary>{summaries[targetType]}</summary>
      <Form method="post" action="/signaler" className="form">
        <AuthenticityTokenInput />
        {targetType === "PROFILE" ? (
          <ProfileTargetChoice />
        ) : (
          <input type="hidden" name="targetType" value={targetType} />
        )}
        <input type="hidden" name="targetId" value={targetId} />
        <div className="field">
          <label htmlFor={`${id}-reason`}>
            {targetType === "REVIEW" ? "Motif du signalement de cet avis" : "Motif du signalement"}
          </label>
          <select id={`${id}-reason`} name="reason" required defaultValue="">
            <option value="" disabled>
              Choisissez un motif
            </option>
            {reportReasons.map((reason) => (
              <option key={reason} value={reason}>
                {reportReasonLabels[reason]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-details`}>Précisions (facultatif)</label>
          <textarea id={`${id}-details`} name="details" maxLength={1000} rows={3} />
        </div>
        <button type="submit" className="secondary">
          Envoyer le signalement
        </button>
      </Form>
    </details>
  );
}
