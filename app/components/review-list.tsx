// Published reviews of a secretary or an agency: averages per criterion, then each review.
import { Fragment, type ReactNode } from "react";
import { ReportListingForm } from "#app/components/report-listing-form";
import type { PublishedReviews, ReviewDTO } from "#app/domain/reviews/reviews.schema";
import { OVERALL_LABEL, reviewCriteria } from "#app/domain/reviews/reviews.schema";
import { formatDate } from "#app/lib/dates";

const frNumber = (n: number) =>
  n.toLocaleString("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const criteria = [{ name: "rating", label: OVERALL_LABEL }, ...reviewCriteria] as const;

export function ReviewScores({ review }: { review: ReviewDTO }) {
  return (
    <dl>
      {criteria.map((c) => (
        <Fragment key={c.name}>
          <dt>{c.label}</dt>
          <dd>{review[c.name]} / 5</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export function ReviewCard({ review, children }: { review: ReviewDTO; children?: ReactNode }) {
  return (
    <article className="card stack" id={`avis-${review.id}`}>
      <p>
        <strong>{review.authorLabel}</strong>
        {review.publishedAt ? <span className="muted"> — {formatDate(review.publishedAt)}</span> : null}
      </p>
      <ReviewScores review={review} />
      <p className="pre-line">{review.comment}</p>
      {children}
    </article>
  );
}

export function ReviewsSection({ reviews: published, note }: { reviews: PublishedReviews; note?: string }) {
  const { summary, reviews } = published;
  return (
    <section className="card stack" aria-labelledby="reviews-title">
      <h2 id="reviews-title">Avis</h2>
      {note ? <p className="muted">{note}</p> : null}
      {summary.count === 0 ? (
        <p className="muted">Pas encore d’avis publié.</p>
      ) : (
        <>
          <p>
            {summary.count} avis publié{summary.count > 1 ? "s" : ""}
          </p>
          <dl aria-label="Moyennes par critère">
            {criteria.map((c) => {
              const value = summary.averages[c.name];
              return (
                <Fragment key={c.name}>
                  <dt>{c.label}</dt>
                  <dd>{value === null ? "—" : `${frNumber(value)} / 5`}</dd>
                </Fragment>
              );
            })}
          </dl>
          <div className="stack">
            {reviews.map((r) => (
              <ReviewCard key={r.id} review={r}>
                <ReportListingForm targetType="REVIEW" targetId={r.id} />
              </ReviewCard>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
