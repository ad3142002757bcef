import { Form, Link } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import type { PendingInvitationDto, TeamMemberDto } from "#app/domain/agencies/agencies.schema";
import { formatDate } from "#app/lib/dates";

export function TeamMembersTable({ members }: { members: TeamMemberDto[] }) {
  if (members.length === 0) {
    return (
      <p className="muted">Aucune secrétaire dans votre équipe pour l’instant. Invitez-en une ci-dessous.</p>
    );
  }
  return (
    <table>
      <caption className="muted">Secrétaires de votre équipe</caption>
      <thead>
        <tr>
          <th scope="col">Nom</th>
          <th scope="col">Profil</th>
          <th scope="col">Membre depuis</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.userId}>
            <td>
              {m.publicSlug ? (
                <Link to={`/secretaires/${m.publicSlug}`}>{m.displayName}</Link>
              ) : (
                m.displayName
              )}
            </td>
            <td>
              <span className={m.publicSlug ? "badge ok" : "badge"}>{m.profileStatusLabel}</span>
            </td>
            <td>{formatDate(m.joinedAt)}</td>
            <td>
              <Form method="post">
                <AuthenticityTokenInput />
                <input type="hidden" name="memberId" value={m.userId} />
                <button
                  type="submit"
                  name="intent"
                  value="remove"
                  className="danger"
                  aria-label={`Retirer de l’équipe : ${m.displayName}`}
                >
                  Retirer de l’équipe
                </button>
              </Form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PendingInvitationsTable({ invitations }: { invitations: PendingInvitationDto[] }) {
  if (invitations.length === 0) return <p className="muted">Aucune invitation en attente.</p>;
  return (
    <table>
      <caption className="muted">Invitations envoyées, pas encore acceptées</caption>
      <thead>
        <tr>
          <th scope="col">Adresse e-mail</th>
          <th scope="col">Envoyée le</th>
          <th scope="col">Expire le</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((i) => (
          <tr key={i.id}>
            <td>{i.email}</td>
            <td>{formatDate(i.sentAt)}</td>
            <td>{i.expired ? <span className="badge warn">Expirée</span> : formatDate(i.expiresAt)}</td>
            <td>
              <Form method="post">
                <AuthenticityTokenInput />
                <input type="hidden" name="invitationId" value={i.id} />
                <button
                  type="submit"
                  name="intent"
                  value="revoke"
                  className="button secondary"
                  aria-label={`Annuler l’invitation : ${i.email}`}
                >
                  Annuler l’invitation
                </button>
              </Form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
