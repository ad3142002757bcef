// The review form: four 1–5 notes as radio groups (fieldset + legend, usable without JavaScript and
// with a keyboard) and a comment. Errors come back from the action per field.
import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { OVERALL_LABEL, reviewCriteria } from "#app/domain/reviews/reviews.schema";

export type ReviewFormErrors = Partial<
  Record<"rating" | "reliability" | "quality" | "communication" | "comment" | "form", string>
>;
export type ReviewFormValues = Partial<
  Record<"rating" | "reliability" | "quality" | "communication" | "comment", string>
>;

const fields = [{ name: "rating", label: OVERALL_LABEL }, ...reviewCriteria] as const;
const notes = [1, 2, 3, 4, 5] as const;
const noteLabel = (n: number) => `${n} ${n > 1 ? "étoiles" : "étoile"}`;

function StarsFieldset({
  name,
  label,
  error,
  value,
}: {
  name: string;
  label: string;
  error?: string;
  value?: string;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend>{label}</legend>
      <div className="checks">
        {notes.map((n) => (
          <label key={n}>
            <input type="radio" name={name} value={n} defaultChecked={value === String(n)} required />
            <span aria-hidden="true">{"★".repeat(n)}</span> {noteLabel(n)}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function ReviewForm({
  errors = {},
  values = {},
}: {
  errors?: ReviewFormErrors;
  values?: ReviewFormValues;
}) {
  return (
    <Form method="post" className="form" noValidate>
      <AuthenticityTokenInput />
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      {fields.map((f) => (
        <StarsFieldset
          key={f.name}
          name={f.name}
          label={f.label}
          error={errors[f.name]}
          value={values[f.name]}
        />
      ))}
      <div className="field">
        <label htmlFor="review-comment">Votre commentaire</label>
        <p id="review-comment-hint" className="hint">
          De 10 à 2 000 caractères. Il sera public : ne citez ni patient ni donnée confidentielle.
        </p>
        <textarea
          id="review-comment"
          name="comment"
          minLength={10}
          maxLength={2000}
          required
          defaultValue={values.comment}
          aria-describedby={
            errors.comment ? "review-comment-hint review-comment-error" : "review-comment-hint"
          }
          aria-invalid={errors.comment ? true : undefined}
        />
        {errors.comment ? (
          <p id="review-comment-error" className="field-error">
            {errors.comment}
          </p>
        ) : null}
      </div>
      <p>
        <button type="submit">Publier mon avis</button>
      </p>
    </Form>
  );
}
