import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { ReviewForm, type ReviewFormErrors, type ReviewFormValues } from "#app/components/review-form";
import { ReviewCard } from "#app/components/review-list";
import {
  contractIdParamSchema,
  reviewFormSchema,
  type ReviewPanel,
} from "#app/domain/reviews/reviews.schema";
import { getReviewPanel, submitReview } from "#app/domain/reviews/reviews.server";
import { readForm } from "#app/lib/csrf.server";
import { formatDate } from "#app/lib/dates";
import { DomainError, notFound } from "#app/lib/domain-error";
import { handle, toResponse } from "#app/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Avis — ${data.missionTitle} — Permanence` : "Avis — Permanence" },
];

function contractIdFrom(params: LoaderFunctionArgs["params"]): string {
  const parsed = contractIdParamSchema.safeParse(params);
  if (!parsed.success) return toResponse(notFound("Ce contrat"));
  return parsed.data.contractId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const contractId = contractIdFrom(params);
  return handle(() => getReviewPanel({ actorId: user.id, contractId }));
}

type ActionResult = { errors: ReviewFormErrors; values: ReviewFormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const contractId = contractIdFrom(params);
  const formData = await handle(() => readForm(request));
  const values = Object.fromEntries(
    ["rating", "reliability", "quality", "communication", "comment"].map((k) => [
      k,
      formData.get(k)?.toString(),
    ]),
  ) as ReviewFormValues;
  const parsed = reviewFormSchema.safeParse(values);
  if (!parsed.success) {
    const errors: ReviewFormErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof ReviewFormErrors;
      errors[key] ??= issue.message;
    }
    return data<ActionResult>({ errors, values }, { status: 400 });
  }
  try {
    await submitReview({ actorId: user.id, contractId, input: parsed.data });
  } catch (error) {
    // Refusals the author can act on (already written, window closed) stay on the form.
    if (error instanceof DomainError && (error.code === "CONFLICT" || error.code === "INVALID_TRANSITION")) {
      return data<ActionResult>({ errors: { form: error.message }, values }, { status: 409 });
    }
    return toResponse(error);
  }
  return redirect(`/contrats/${contractId}/avis?envoye=1`);
}

function MyReview({ panel }: { panel: ReviewPanel }) {
  const [params] = useSearchParams();
  const mine = panel.mine;
  if (!mine) return null;
  const latest = panel.deadline ? formatDate(panel.deadline) : "—";
  return (
    <section className="card stack" aria-labelledby="my-review">
      <h2 id="my-review">Votre avis</h2>
      {params.get("envoye") === "1" ? (
        <p className="notice" role="status">
          Merci, votre avis est enregistré.
        </p>
      ) : null}
      {mine.publishedAt ? (
        <p>Publié le {formatDate(mine.publishedAt)}.</p>
      ) : (
        <p className="notice" role="status">
          {`Votre avis sera publié quand l’autre partie aura laissé le sien, ou au plus tard le ${latest}.`}
        </p>
      )}
      <ReviewCard review={mine} />
    </section>
  );
}

function TheirReview({ panel }: { panel: ReviewPanel }) {
  if (!panel.side) return null;
  return (
    <section className="card stack" aria-labelledby="their-review">
      <h2 id="their-review">L’avis de {panel.counterpartName}</h2>
      {panel.theirs ? (
        <ReviewCard review={panel.theirs} />
      ) : (
        <p className="muted">
          Rien à lire pour l’instant : les avis restent cachés jusqu’à ce que les deux parties aient écrit le
          leur, ou jusqu’à 14 jours après la fin du contrat.
        </p>
      )}
    </section>
  );
}

export default function ContractReviewPage() {
  const panel = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <article className="stack">
      <header className="stack">
        <h1>Avis : {panel.missionTitle}</h1>
        <p>
          <Link to={`/contrats/${panel.contractId}`}>Retour au contrat</Link>
        </p>
      </header>
      {panel.side === null ? (
        <section className="card stack" aria-labelledby="published-reviews">
          <h2 id="published-reviews">Avis publiés</h2>
          <p className="muted">Seules les deux parties du contrat laissent un avis.</p>
          {panel.others.map((review) => (
            <ReviewCard key={review.id} review={review} />
          ))}
        </section>
      ) : null}
      {panel.side && !panel.canWrite && !panel.mine && panel.cannotWrite ? (
        <p className="notice warning" role="status">
          {panel.cannotWrite}
        </p>
      ) : null}
      {panel.canWrite ? (
        <section className="card stack" aria-labelledby="write-review">
          <h2 id="write-review">Votre avis sur {panel.counterpartName}</h2>
          <p className="muted">
            Double aveugle : votre avis et celui de {panel.counterpartName} sont publiés ensemble, quand vous
            avez écrit tous les deux, ou au plus tard le {panel.deadline ? formatDate(panel.deadline) : "—"}.
          </p>
          <ReviewForm errors={actionData?.errors} values={actionData?.values} />
        </section>
      ) : null}
      <MyReview panel={panel} />
      <TheirReview panel={panel} />
    </article>
  );
}
