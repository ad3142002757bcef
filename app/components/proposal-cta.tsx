// The proposals block of a mission page: the business's link to what it received, a secretary's
// call to action (or her live proposal), a visitor's invitation to sign in.
import { Link } from "@remix-run/react";
import type { ProposalPanel } from "#app/domain/proposals/mission-access.server";

export function ProposalCallToAction({ missionId, panel }: { missionId: string; panel: ProposalPanel }) {
  if (!panel) return null;
  const base = `/missions/${missionId}`;
  return (
    <section className="card stack" aria-labelledby="propositions">
      <h2 id="propositions">Propositions</h2>
      {panel.kind === "business" ? (
        <p>
          <Link className="button" to={`${base}/propositions`}>
            Propositions reçues ({panel.liveCount})
          </Link>
        </p>
      ) : panel.kind === "offer" ? (
        <p>
          Cette entreprise vous a fait une offre directe pour cette mission.{" "}
          <Link className="button" to="/compte/propositions">
            Répondre à l’offre
          </Link>
        </p>
      ) : panel.kind === "bidder" && panel.liveProposalId ? (
        <p>
          Vous avez une proposition en cours pour cette mission.{" "}
          <Link className="button secondary" to={`${base}/proposer`}>
            Voir / modifier ma proposition
          </Link>
        </p>
      ) : (
        <p>
          <Link className="button" to={`${base}/proposer`}>
            Proposer mes services
          </Link>{" "}
          {panel.kind === "visitor" ? <span className="muted">Connexion requise. C’est gratuit.</span> : null}
        </p>
      )}
    </section>
  );
}
