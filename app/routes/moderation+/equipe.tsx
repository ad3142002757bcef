import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { requireStaff } from "#app/auth/session.server";
import { setPlatformFee } from "#app/domain/moderation/platform-settings.server";
import { formatFeePercent } from "#app/domain/moderation/platform-settings.schema";
import { staffRoleLabels, type StaffRoleName } from "#app/domain/moderation/staff-accounts.schema";
import {
  staffActionSchema,
  staffPageNotices,
  staffPageNoticeSchema,
  type StaffMemberRow,
} from "#app/domain/moderation/staff-management.schema";
import {
  changeStaffRole,
  createStaffMember,
  ensureCanManageStaff,
  getStaffPage,
  resetStaffSecondFactor,
} from "#app/domain/moderation/staff-management.server";
import { readForm } from "#app/lib/csrf.server";
import { DomainError } from "#app/lib/domain-error";
import { handle, statusOf, toResponse } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Équipe et commission — Modération — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  return handle(() => getStaffPage({ actorId: staff.id }));
}

type Parsed = Extract<ReturnType<typeof staffActionSchema.safeParse>, { success: true }>["data"];

async function perform(actorId: string, input: Parsed) {
  switch (input.intent) {
    case "create": {
      const { intent: _intent, ...account } = input;
      return { created: await createStaffMember({ actorId, input: account }) };
    }
    case "role":
      await changeStaffRole({ actorId, userId: input.userId, role: input.role });
      return redirect("/moderation/equipe?fait=role");
    case "reset-totp":
      await resetStaffSecondFactor({ actorId, userId: input.userId });
      return redirect("/moderation/equipe?fait=reset-totp");
    case "fee":
      await setPlatformFee({ actorId, input: { percent: input.percent } });
      return redirect("/moderation/equipe?fait=fee");
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  await handle(() => ensureCanManageStaff(staff.id));
  const formData = await handle(() => readForm(request));
  const parsed = staffActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ error: parsed.error.issues[0]!.message }, { status: 400 });
  try {
    return await perform(staff.id, parsed.data);
  } catch (error) {
    if (error instanceof DomainError && (error.code === "CONFLICT" || error.code === "VALIDATION"))
      return data({ error: error.message }, { status: statusOf(error) });
    return toResponse(error);
  }
}

const roleLabel = (role: string) => staffRoleLabels[role as StaffRoleName] ?? role;

function MemberActions({ member, self }: { member: StaffMemberRow; self: boolean }) {
  if (self) return <span className="muted">Vous</span>;
  const otherRole: StaffRoleName = member.role === "ADMIN" ? "MODERATOR" : "ADMIN";
  return (
    <>
      <Form method="post" aria-label={`Changer le rôle de ${member.displayName}`}>
        <AuthenticityTokenInput />
        <input type="hidden" name="intent" value="role" />
        <input type="hidden" name="userId" value={member.id} />
        <input type="hidden" name="role" value={otherRole} />
        <button type="submit" className="secondary">
          Passer {roleLabel(otherRole)}
        </button>
      </Form>
      <Form method="post" aria-label={`Réinitialiser la double authentification de ${member.displayName}`}>
        <AuthenticityTokenInput />
        <input type="hidden" name="intent" value="reset-totp" />
        <input type="hidden" name="userId" value={member.id} />
        <button type="submit" className="secondary">
          Réinitialiser la double authentification
        </button>
      </Form>
    </>
  );
}

function StaffTable({ members, selfId }: { members: StaffMemberRow[]; selfId: string | null }) {
  return (
    <table>
      <caption className="muted">Comptes de l’équipe</caption>
      <thead>
        <tr>
          <th scope="col">Nom</th>
          <th scope="col">E-mail</th>
          <th scope="col">Rôle</th>
          <th scope="col">Double authentification</th>
          <th scope="col">Statut</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <tr key={member.id}>
            <td>{member.displayName}</td>
            <td>{member.email}</td>
            <td>{roleLabel(member.role)}</td>
            <td>{member.totpEnrolled ? "Activée" : "À activer"}</td>
            <td>{member.suspended ? <span className="badge warn">Suspendu</span> : "Actif"}</td>
            <td>
              <MemberActions member={member} self={member.id === selfId} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CreateForm() {
  return (
    <Form method="post" className="form card" aria-labelledby="create-heading">
      <h2 id="create-heading">Ajouter un membre</h2>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="create" />
      <label htmlFor="staff-email">Adresse e-mail</label>
      <input id="staff-email" name="email" type="email" required autoComplete="off" />
      <label htmlFor="staff-name">Nom</label>
      <input id="staff-name" name="name" type="text" required maxLength={80} />
      <label htmlFor="staff-role">Rôle</label>
      <select id="staff-role" name="role" defaultValue="MODERATOR">
        <option value="MODERATOR">Modérateur</option>
        <option value="ADMIN">Administrateur</option>
      </select>
      <button type="submit">Créer le compte</button>
    </Form>
  );
}

function FeeForm({ platformFeeBps }: { platformFeeBps: number }) {
  return (
    <Form method="post" className="form card" aria-labelledby="fee-heading">
      <h2 id="fee-heading">Commission de la plateforme</h2>
      <p>
        Taux actuel : <strong>{formatFeePercent(platformFeeBps)}</strong>. Un changement ne s’applique qu’aux
        contrats créés ensuite ; les contrats existants gardent leur taux.
      </p>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="fee" />
      <label htmlFor="fee-percent">Nouveau taux (en %, entre 0 et 50)</label>
      <input id="fee-percent" name="percent" type="text" inputMode="decimal" required placeholder="10,5" />
      <button type="submit">Enregistrer la commission</button>
    </Form>
  );
}

export default function StaffPage() {
  const { members, platformFeeBps, selfId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = staffPageNoticeSchema.parse(params.get("fait") ?? undefined);
  return (
    <div className="stack">
      <h1>Équipe et commission</h1>
      {done ? (
        <p className="notice" role="status">
          {staffPageNotices[done]}
        </p>
      ) : null}
      {result && "error" in result ? (
        <p className="form-error" role="alert">
          {result.error}
        </p>
      ) : null}
      {result && "created" in result ? (
        <div className="notice" role="status">
          <p>
            Compte créé : {result.created.email} ({roleLabel(result.created.role)}).
          </p>
          <p>
            Mot de passe (affiché une seule fois, transmettez-le de façon sûre) :{" "}
            <code>{result.created.password}</code>
          </p>
          <p>La double authentification sera activée à la première connexion.</p>
        </div>
      ) : null}
      <StaffTable members={members} selfId={selfId} />
      <CreateForm />
      <FeeForm platformFeeBps={platformFeeBps} />
    </div>
  );
}
