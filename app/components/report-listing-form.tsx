// "Signaler" on a public profile or a mission page: a disclosure with the reasons, posted to
// /signaler, which comes back to the page with ?signale=ok|doublon|refus. Works without JavaScript.
import { Form, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import {
  listingReportNotices,
  reportReasonLabels,
  reportReasons,
  type ListingReportNotice,
} from "#app/domain/reports/reports.schema";

const summaries = { PROFILE: "Signaler ce profil", MISSION: "Signaler cette mission" } as const;

export function ReportListingForm({
  targetType,
  targetId,
}: {
  targetType: "PROFILE" | "MISSION";
  targetId: string;
}) {
  const root = useRouteLoaderData<{ user: { id: string } | null }>("root");
  const [params] = useSearchParams();
  const notice = params.get("signale");
  if (notice && notice in listingReportNotices) {
    return (
      <p className="notice" role="status">
        {listingReportNotices[notice as ListingReportNotice]}
      </p>
    );
  }
  if (!root?.user) return null;
  const id = `report-${targetType.toLowerCase()}`;
  return (
    <details className="report-listing">
      <summary>{summaries[targetType]}</summary>
      <Form method="post" action="/signaler" className="form">
        <AuthenticityTokenInput />
        <input type="hidden" name="targetType" value={targetType} />
        <input type="hidden" name="targetId" value={targetId} />
        <div className="field">
          <label htmlFor={`${id}-reason`}>Motif du signalement</label>
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
