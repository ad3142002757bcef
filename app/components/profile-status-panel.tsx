// The owner's view of her profile's status on /compte/profil: what it means, what to do next.
import { Form, Link } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import {
  isProfileStatus,
  profileStatusLabels,
  type ProfileStatus,
} from "#app/domain/profiles/profile-machine";

type Props = {
  status: string;
  slug: string;
  rejectionReason: string | null;
  missing: string[];
  emailVerified: boolean;
  agencyName: string | null;
};

const explanations: Record<ProfileStatus, string> = {
  DRAFT: "Votre profil n’est visible que par vous. Complétez-le, puis envoyez-le pour validation.",
  PENDING_REVIEW: "Un modérateur va relire votre profil. Vous pouvez encore le modifier en attendant.",
  PUBLISHED: "Votre profil est visible de tous. Vos modifications sont en ligne dès que vous enregistrez.",
  REJECTED: "Votre profil a été refusé. Corrigez-le, puis envoyez-le de nouveau pour validation.",
  SUSPENDED: "Votre profil a été suspendu par l’équipe de modération. Contactez le support de Permanence.",
};

const badgeClass: Partial<Record<ProfileStatus, string>> = {
  PUBLISHED: "badge ok",
  REJECTED: "badge warn",
  SUSPENDED: "badge warn",
};

export function ProfileStatusPanel({
  status,
  slug,
  rejectionReason,
  missing,
  emailVerified,
  agencyName,
}: Props) {
  const known = isProfileStatus(status) ? status : "DRAFT";
  const canSubmit = known === "DRAFT" || known === "REJECTED";
  return (
    <section className="card stack" aria-labelledby="profile-status-title">
      <h2 id="profile-status-title">
        Statut : <span className={badgeClass[known] ?? "badge"}>{profileStatusLabels[known]}</span>
      </h2>
      <p>{explanations[known]}</p>
      {known === "REJECTED" && rejectionReason ? (
        <p className="notice warning">
          <strong>Motif du refus :</strong> {rejectionReason}
        </p>
      ) : null}
      {agencyName ? <p className="muted">Vous êtes membre de l’agence {agencyName}.</p> : null}
      <p>
        {known === "PUBLISHED" ? (
          <Link to={`/secretaires/${slug}`}>Voir ma page publique</Link>
        ) : (
          <Link to={`/secretaires/${slug}`}>Prévisualiser ma page</Link>
        )}
      </p>
      {canSubmit && missing.length ? (
        <p className="notice warning">Avant l’envoi pour validation, il manque : {missing.join(", ")}.</p>
      ) : null}
      {canSubmit && !emailVerified ? (
        <p className="notice warning">
          Confirmez votre adresse e-mail avec le lien reçu à l’inscription avant d’envoyer votre profil.
        </p>
      ) : null}
      {known === "PUBLISHED" || known === "PENDING_REVIEW" ? <UnpublishForm /> : null}
    </section>
  );
}

function UnpublishForm() {
  return (
    <Form method="post">
      <AuthenticityTokenInput />
      <p className="muted">
        Retirer votre profil le rend invisible ; le republier demandera une nouvelle validation.
      </p>
      <button type="submit" name="intent" value="unpublish" className="danger">
        Retirer mon profil
      </button>
    </Form>
  );
}
