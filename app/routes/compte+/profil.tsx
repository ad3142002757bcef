import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { requireUser } from "#app/auth/session.server";
import { FormErrors } from "#app/components/forms";
import {
  AboutFieldset,
  AvailabilityFieldset,
  ExpertiseFieldsets,
  PricingFieldset,
  WorkplaceFieldset,
} from "#app/components/profile-form-sections";
import { ProfileStatusPanel } from "#app/components/profile-status-panel";
import { canHaveProfile, PROFILE_OWNER_ONLY_MESSAGE } from "#app/domain/profiles/profiles.policy";
import { toProfileFormDefaults } from "#app/domain/profiles/profile-form-defaults";
import {
  profileFormSchema,
  type ProfileFormInput,
  type ProfileInput,
} from "#app/domain/profiles/profiles.schema";
import { getOwnProfilePage, saveOwnProfile, unpublishOwnProfile } from "#app/domain/profiles/profiles.server";
import { readForm } from "#app/lib/csrf.server";
import { DomainError } from "#app/lib/domain-error";
import { handle, toResponse } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Mon profil — Permanence" }];

/** Only secretaries (agency members included) have a profile; the profile is always the session's. */
async function requireProfileOwner(request: Request) {
  const user = await requireUser(request);
  if (!canHaveProfile(user)) toResponse(new DomainError("FORBIDDEN", PROFILE_OWNER_ONLY_MESSAGE));
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireProfileOwner(request);
  return handle(() => getOwnProfilePage({ actorId: user.id }));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireProfileOwner(request);
  const formData = await handle(() => readForm(request));
  if (formData.get("intent") === "unpublish") {
    await handle(() => unpublishOwnProfile({ actorId: user.id }));
    return redirect("/compte/profil?retire=1");
  }
  const submission = parseWithZod(formData, { schema: profileFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await handle(() => saveOwnProfile({ actorId: user.id, input: submission.value }));
  if (!result.ok) {
    return data(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), {
      status: 400,
    });
  }
  return redirect(`/compte/profil?${result.submitted ? "envoye" : "enregistre"}=1`);
}

const notices = {
  bienvenue:
    "Bienvenue sur Permanence ! Présentez-vous, choisissez vos compétences et vos tarifs, puis envoyez votre profil pour validation : il sera visible des entreprises dès qu’un modérateur l’aura approuvé.",
  enregistre: "Vos modifications sont enregistrées.",
  envoye: "Votre profil est envoyé pour validation. Nous vous préviendrons dès qu’un modérateur l’aura relu.",
  retire: "Votre profil est retiré : il n’est plus visible. Vous pourrez le renvoyer pour validation.",
} as const;

function PageNotices() {
  const [params] = useSearchParams();
  const shown = (Object.keys(notices) as (keyof typeof notices)[]).filter((key) => params.get(key) === "1");
  return shown.map((key) => (
    <p key={key} className="notice" role="status">
      {notices[key]}
    </p>
  ));
}

export default function OwnProfile() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<ProfileFormInput, ProfileInput>({
    lastResult,
    defaultValue: toProfileFormDefaults(page.profile),
    constraint: getZodConstraint(profileFormSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileFormSchema }),
  });
  const canSubmit = page.profile.status === "DRAFT" || page.profile.status === "REJECTED";

  return (
    <div className="stack">
      <h1>Mon profil</h1>
      <PageNotices />
      <ProfileStatusPanel
        status={page.profile.status}
        slug={page.profile.slug}
        rejectionReason={page.rejectionReason}
        missing={page.missing}
        emailVerified={page.emailVerified}
        agencyName={page.profile.agencyName}
      />
      <Form method="post" className="form card" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <h2>Modifier mon profil</h2>
        <FormErrors id={form.errorId} errors={form.errors} />
        <AboutFieldset fields={fields} />
        <ExpertiseFieldsets fields={fields} />
        <PricingFieldset fields={fields} />
        <WorkplaceFieldset fields={fields} />
        <AvailabilityFieldset fields={fields} />
        <div className="row">
          <button type="submit" name="intent" value="save">
            Enregistrer
          </button>
          {canSubmit ? (
            <button type="submit" name="intent" value="submit" className="secondary">
              Envoyer pour validation
            </button>
          ) : null}
        </div>
      </Form>
    </div>
  );
}
