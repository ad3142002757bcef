// The mission's proposals side by side (/missions/:id/propositions): one row per proposal, the
// columns a business compares (price, rating, distance, start, availability), and its answers.
import { Form, Link } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { proposalStatusLabels, type ProposalStatus } from "#app/domain/proposals/proposal-machine";
import { formatDate } from "#app/lib/dates";

export type ComparedProposal = {
  id: string;
  origin: string;
  status: string;
  live: boolean;
  bidderName: string;
  profileHref: string | null;
  members: string[];
  price: string[];
  rating: string;
  distance: string;
  startDate: string;
  availabilityConfirmed: boolean;
  coverLetter: string;
  decisionMessage: string | null;
};

function Decide({ proposal }: { proposal: ComparedProposal }) {
  const button = (intent: string, label: string, className = "") => (
    <Form method="post">
      <AuthenticityTokenInput />
      <input type="hidden" name="proposalId" value={proposal.id} />
      <button type="submit" name="intent" value={intent} className={className}>
        {label}
      </button>
    </Form>
  );
  if (!proposal.live) return null;
  if (proposal.origin === "OFFER") return button("withdraw-offer", "Retirer l’offre", "secondary");
  return (
    <div className="stack">
      {button("accept", "Accepter")}
      {proposal.status === "SUBMITTED" ? button("shortlist", "Présélectionner", "secondary") : null}
      <details>
        <summary>Décliner</summary>
        <Form method="post" className="stack">
          <AuthenticityTokenInput />
          <input type="hidden" name="proposalId" value={proposal.id} />
          <label htmlFor={`message-${proposal.id}`}>Message (facultatif)</label>
          <textarea id={`message-${proposal.id}`} name="message" rows={3} maxLength={2000} />
          <button type="submit" name="intent" value="decline" className="danger">
            Décliner la proposition
          </button>
        </Form>
      </details>
    </div>
  );
}

function Bidder({ proposal }: { proposal: ComparedProposal }) {
  return (
    <>
      {proposal.profileHref ? (
        <Link to={proposal.profileHref}>{proposal.bidderName}</Link>
      ) : (
        proposal.bidderName
      )}
      {proposal.origin === "OFFER" ? <span className="badge">Offre directe</span> : null}
      {proposal.members.length ? <p className="muted">Avec : {proposal.members.join(", ")}</p> : null}
      <details>
        <summary>Message</summary>
        <p className="pre-line">{proposal.coverLetter}</p>
      </details>
      {proposal.decisionMessage ? <p className="muted">Votre réponse : {proposal.decisionMessage}</p> : null}
    </>
  );
}

export function ProposalComparison({ proposals }: { proposals: ComparedProposal[] }) {
  // Scrolls sideways on a phone rather than squeezing eight columns.
  return (
    <div style={{ overflowX: "auto" }}>
      <table className="table">
        <caption>Comparez les propositions : prix, note, distance, date de début et disponibilité.</caption>
        <thead>
          <tr>
            <th scope="col">Secrétaire ou agence</th>
            <th scope="col">Prix (HT)</th>
            <th scope="col">Note</th>
            <th scope="col">Distance</th>
            <th scope="col">Début</th>
            <th scope="col">Disponibilité</th>
            <th scope="col">Statut</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {proposals.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Bidder proposal={p} />
              </th>
              <td>
                {p.price.map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </td>
              <td>{p.rating}</td>
              <td>{p.distance}</td>
              <td>{formatDate(`${p.startDate}T12:00:00Z`)}</td>
              <td>{p.availabilityConfirmed ? "Confirmée" : "Non confirmée"}</td>
              <td>{proposalStatusLabels[p.status as ProposalStatus] ?? p.status}</td>
              <td>
                <div className="stack">
                  <Link to={`/messages/proposition/${p.id}`}>
                    Messages<span className="visually-hidden"> avec {p.bidderName}</span>
                  </Link>
                  <Decide proposal={p} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
