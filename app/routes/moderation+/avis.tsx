import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { requireStaff } from "#app/auth/session.server";
import { ReviewScores } from "#app/components/review-list";
import { hideReviewFormSchema } from "#app/domain/reviews/reviews.schema";
import {
  hideReview,
  listReviewsForModeration,
  type ModerationReview,
} from "#app/domain/reviews/reviews.server";
import { readForm } from "#app/lib/csrf.server";
import { formatDate } from "#app/lib/dates";
import { DomainError } from "#app/lib/domain-error";
import { handle, toResponse } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Avis publiés — Modération — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  return { reviews: await handle(() => listReviewsForModeration({ actorId: staff.id })) };
}

type ActionResult = { reviewId: string; message: string };

export async function action({ request }: ActionFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  const formData = await handle(() => readForm(request));
  const parsed = hideReviewFormSchema.safeParse(Object.fromEntries(formData));
  const reviewId = String(formData.get("reviewId") ?? "");
  if (!parsed.success) {
    return data<ActionResult>({ reviewId, message: parsed.error.issues[0]!.message }, { status: 400 });
  }
  try {
    await hideReview({ actorId: staff.id, input: parsed.data });
  } catch (error) {
    if (error instanceof DomainError && error.code === "CONFLICT") {
      return data<ActionResult>({ reviewId, message: error.message }, { status: 409 });
    }
    return toResponse(error);
  }
  return redirect("/moderation/avis?masque=1");
}

function HideForm({ review, error }: { review: ModerationReview; error?: string }) {
  const reasonId = `reason-${review.id}`;
  return (
    <Form method="post" className="form">
      <AuthenticityTokenInput />
      <input type="hidden" name="reviewId" value={review.id} />
      <div className="field">
        <label htmlFor={reasonId}>Motif du masquage</label>
        <textarea
          id={reasonId}
          name="reason"
          required
          minLength={3}
          maxLength={500}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${reasonId}-error` : undefined}
        />
        {error ? (
          <p id={`${reasonId}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </div>
      <p>
        <button type="submit" className="danger">
          Masquer cet avis
        </button>
      </p>
    </Form>
  );
}

export default function ModerationReviews() {
  const { reviews } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  return (
    <div className="stack">
      <h1>Avis publiés</h1>
      <p className="lead">
        Les 50 derniers avis publiés. Masquer un avis abusif le retire des pages publiques et de la note ;
        l’action est inscrite au journal.
      </p>
      {params.get("masque") === "1" ? (
        <p className="notice" role="status">
          L’avis est masqué et la note recalculée.
        </p>
      ) : null}
      {reviews.length === 0 ? <p className="muted">Aucun avis publié pour l’instant.</p> : null}
      {reviews.map((review) => (
        <article key={review.id} className="card stack" aria-labelledby={`review-${review.id}`}>
          <h2 id={`review-${review.id}`}>
            {review.authorName} ({review.authorLabel}) —{" "}
            {review.publishedAt ? formatDate(review.publishedAt) : ""}
          </h2>
          <ReviewScores review={review} />
          <p className="pre-line">{review.comment}</p>
          {review.hidden ? (
            <p className="badge warn">Masqué : {review.hiddenReason}</p>
          ) : (
            <HideForm
              review={review}
              error={actionData?.reviewId === review.id ? actionData.message : undefined}
            />
          )}
        </article>
      ))}
    </div>
  );
}
