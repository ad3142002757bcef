// The proposal form (/missions/:id/proposer), new or edit. Works without JavaScript: every field is
// a plain input posted as is; the server validates (proposals.schema.ts) and answers with the errors.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { ErrorList, FormErrors } from "#app/components/forms";
import { proposalLimits } from "#app/domain/proposals/proposal-terms";
import { taskTypeLabels, type TaskType } from "#app/domain/profiles/taxonomy";
import { formatEuros, formatRate } from "#app/lib/money";

type Mission = {
  billingMode: string;
  taskLines: { task: string; unitPriceCents: number }[];
  maxHourlyRateCents: number | null;
  fixedAmountCents: number | null;
};
type Defaults = Record<string, unknown> & { memberIds?: string[] };
export type ProposalFormProps = {
  mission: Mission;
  members: { id: string; displayName: string }[];
  proposalId: string | null;
  defaults: Defaults;
  lastResult?: SubmissionResult<string[]> | null;
};

function useValues(props: ProposalFormProps) {
  const [form] = useForm({
    id: "proposition",
    lastResult: props.lastResult,
    defaultValue: props.defaults as any,
  });
  const values = (form.initialValue ?? props.defaults) as Record<string, any>;
  const errors = (name: string) => form.allErrors[name];
  const text = (name: string) => {
    const value = name
      .split(/[.[\]]+/)
      .filter(Boolean)
      .reduce<any>((v, key) => v?.[key], values);
    return typeof value === "string" ? value : undefined;
  };
  return { form, errors, text, values };
}
type Values = ReturnType<typeof useValues>;

function Amount({ name, label, hint, v }: { name: string; label: string; hint?: string; v: Values }) {
  const id = `proposition-${name.replace(/[^a-zA-Z0-9]/g, "-")}`;
  const errs = v.errors(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        inputMode="decimal"
        defaultValue={v.text(name)}
        aria-invalid={errs?.length ? true : undefined}
        aria-describedby={
          [hint ? `${id}-hint` : "", errs?.length ? `${id}-error` : ""].join(" ").trim() || undefined
        }
      />
      <ErrorList id={`${id}-error`} errors={errs} />
    </div>
  );
}

function Milestones({ v }: { v: Values }) {
  const rows = Array.from({ length: proposalLimits.milestoneRows }, (_, i) => i);
  return (
    <fieldset className="stack" aria-describedby="etapes-aide">
      <legend>Étapes de paiement (facultatif)</legend>
      <p className="hint" id="etapes-aide">
        Laissez vide pour une seule étape « Livraison » du montant total. Sinon, la somme des étapes doit être
        égale au forfait.
      </p>
      <ErrorList errors={v.errors("milestones")} />
      {rows.map((i) => (
        <div key={i} className="row">
          <Amount v={v} name={`milestones[${i}].amount`} label={`Étape ${i + 1} : montant (€ HT)`} />
          <div className="field">
            <label htmlFor={`etape-${i}-titre`}>Étape {i + 1} : intitulé</label>
            <input
              id={`etape-${i}-titre`}
              name={`milestones[${i}].title`}
              defaultValue={v.text(`milestones[${i}].title`)}
            />
            <ErrorList errors={v.errors(`milestones[${i}].title`)} />
          </div>
          <div className="field">
            <label htmlFor={`etape-${i}-echeance`}>Étape {i + 1} : échéance</label>
            <input
              id={`etape-${i}-echeance`}
              type="date"
              name={`milestones[${i}].dueDate`}
              defaultValue={v.text(`milestones[${i}].dueDate`)}
            />
            <ErrorList errors={v.errors(`milestones[${i}].dueDate`)} />
          </div>
        </div>
      ))}
    </fieldset>
  );
}

function PriceSection({ mission, v }: { mission: Mission; v: Values }) {
  if (mission.billingMode === "HOURLY") {
    const max = mission.maxHourlyRateCents;
    return (
      <Amount
        v={v}
        name="hourlyRate"
        label="Votre tarif horaire (€ HT)"
        hint={max ? `Budget de la mission : ${formatRate(max)} maximum.` : undefined}
      />
    );
  }
  if (mission.billingMode === "FIXED") {
    const budget = mission.fixedAmountCents;
    return (
      <>
        <Amount
          v={v}
          name="fixedAmount"
          label="Votre forfait (€ HT)"
          hint={budget ? `Budget de la mission : ${formatEuros(budget)}.` : undefined}
        />
        <Milestones v={v} />
      </>
    );
  }
  return (
    <fieldset className="stack">
      <legend>Votre prix pour chaque tâche (€ HT par unité)</legend>
      {mission.taskLines.map((line) => (
        <Amount
          key={line.task}
          v={v}
          name={`taskPrices.${line.task}`}
          label={taskTypeLabels[line.task as TaskType] ?? line.task}
          hint={`Prix proposé par l’entreprise : ${formatEuros(line.unitPriceCents)}.`}
        />
      ))}
    </fieldset>
  );
}

function Members({ members, v }: { members: ProposalFormProps["members"]; v: Values }) {
  const selected = Array.isArray(v.values.memberIds) ? (v.values.memberIds as string[]) : [];
  return (
    <fieldset>
      <legend>Secrétaires de l’agence qui travailleraient sur la mission</legend>
      <div className="checks">
        {members.map((m) => (
          <label key={m.id}>
            <input type="checkbox" name="memberIds" value={m.id} defaultChecked={selected.includes(m.id)} />{" "}
            {m.displayName}
          </label>
        ))}
      </div>
      <ErrorList errors={v.errors("memberIds")} />
    </fieldset>
  );
}

export function ProposalForm(props: ProposalFormProps) {
  const v = useValues(props);
  const confirmed = v.values.availabilityConfirmed === "on" || v.values.availabilityConfirmed === true;
  return (
    <Form method="post" className="stack" {...getFormProps(v.form)}>
      <AuthenticityTokenInput />
      {props.proposalId ? <input type="hidden" name="proposalId" value={props.proposalId} /> : null}
      <FormErrors id={v.form.errorId} errors={v.form.errors} />
      <PriceSection mission={props.mission} v={v} />
      {props.members.length ? <Members members={props.members} v={v} /> : null}
      <div className="field">
        <label htmlFor="proposition-debut">Date de début possible</label>
        <input id="proposition-debut" type="date" name="startDate" defaultValue={v.text("startDate")} />
        <ErrorList errors={v.errors("startDate")} />
      </div>
      <div className="field">
        <label htmlFor="proposition-message">Votre message à l’entreprise</label>
        <p className="hint" id="proposition-message-aide">
          Présentez votre expérience utile pour cette mission ({proposalLimits.coverLetterMin} à{" "}
          {proposalLimits.coverLetterMax} caractères).
        </p>
        <textarea
          id="proposition-message"
          name="coverLetter"
          rows={8}
          aria-describedby="proposition-message-aide"
          defaultValue={v.text("coverLetter")}
        />
        <ErrorList errors={v.errors("coverLetter")} />
      </div>
      <div className="field">
        <label>
          <input type="checkbox" name="availabilityConfirmed" defaultChecked={confirmed} /> Je confirme être
          disponible aux dates et horaires de la mission.
        </label>
        <ErrorList errors={v.errors("availabilityConfirmed")} />
      </div>
      <p>
        <button type="submit" name="intent" value="save">
          {props.proposalId ? "Enregistrer les modifications" : "Envoyer ma proposition"}
        </button>
      </p>
    </Form>
  );
}
