// A bidder's proposals and received offers (/compte/propositions), with the answers to an offer.
import { Form, Link } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { proposalStatusLabels, type ProposalStatus } from "#app/domain/proposals/proposal-machine";
import { formatDate } from "#app/lib/dates";

export type ListedItem = {
  id: string;
  origin: string;
  status: string;
  live: boolean;
  asAgency: string | null;
  mission: { id: string; title: string; organizationName: string };
  price: string[];
  startDate: string;
  coverLetter: string;
  decisionMessage: string | null;
  contractId: string | null;
};

function OfferAnswers({ item }: { item: ListedItem }) {
  return (
    <div className="row">
      <Form method="post">
        <AuthenticityTokenInput />
        <input type="hidden" name="proposalId" value={item.id} />
        <button type="submit" name="intent" value="accept-offer">
          Accepter l’offre
        </button>
      </Form>
      <details>
        <summary>Décliner</summary>
        <Form method="post" className="stack">
          <AuthenticityTokenInput />
          <input type="hidden" name="proposalId" value={item.id} />
          <label htmlFor={`message-${item.id}`}>Message à l’entreprise (facultatif)</label>
          <textarea id={`message-${item.id}`} name="message" rows={3} maxLength={2000} />
          <button type="submit" name="intent" value="decline-offer" className="danger">
            Décliner l’offre
          </button>
        </Form>
      </details>
    </div>
  );
}

function Item({ item }: { item: ListedItem }) {
  const status = proposalStatusLabels[item.status as ProposalStatus] ?? item.status;
  return (
    <li className="card stack">
      <h3>
        <Link to={`/missions/${item.mission.id}`}>{item.mission.title}</Link>
      </h3>
      <p className="muted">
        {item.mission.organizationName}
        {item.asAgency ? ` — au nom de l’agence ${item.asAgency}` : ""} — début le{" "}
        {formatDate(`${item.startDate}T12:00:00Z`)} — <span className="badge">{status}</span>
      </p>
      <p>{item.price.join(" ; ")}</p>
      {item.origin === "OFFER" ? (
        <p className="pre-line">Message de l’entreprise : {item.coverLetter}</p>
      ) : null}
      {item.decisionMessage ? <p className="muted">Réponse : {item.decisionMessage}</p> : null}
      <p className="row">
        <Link to={`/messages/proposition/${item.id}`}>
          Messages avec l’entreprise<span className="visually-hidden"> : {item.mission.title}</span>
        </Link>
        {item.contractId ? <Link to={`/contrats/${item.contractId}`}>Voir le contrat</Link> : null}
      </p>
      {item.origin === "OFFER" && item.live ? <OfferAnswers item={item} /> : null}
      {item.origin === "BID" && item.live ? (
        <Link to={`/missions/${item.mission.id}/proposer`}>Voir, modifier ou retirer</Link>
      ) : null}
    </li>
  );
}

export function ProposalList({ items, empty }: { items: ListedItem[]; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="stack">
      {items.map((item) => (
        <Item key={item.id} item={item} />
      ))}
    </ul>
  );
}
