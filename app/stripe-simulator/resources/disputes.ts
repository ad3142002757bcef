import type Stripe from "stripe";
import { type Route, type SimCore, list } from "../core";
import { invalidRequest } from "../errors";
import { metadata } from "../form";
import { type SimDispute } from "../state";

/** Stripe's dispute fee in the EEA, taken when a dispute opens and kept whatever the outcome. */
export const DISPUTE_FEE = 1500;

/** Test switch (and what card 4000000000000259 does): the cardholder's bank disputes the charge. */
export function openDispute(core: SimCore, chargeId: string, reason: string = "fraudulent"): SimDispute {
  const charge = core.get(core.state.charges, "charge", chargeId, "charge");
  if (charge.status !== "succeeded")
    throw invalidRequest("Only succeeded charges can be disputed.", "charge");
  if (charge.disputed) throw invalidRequest("This charge is already disputed.", "charge", "charge_disputed");
  const dispute: SimDispute = {
    id: core.id("dp"),
    object: "dispute",
    created: core.now(),
    amount: charge.amount - charge.amount_refunded,
    currency: charge.currency,
    charge: charge.id,
    payment_intent: charge.payment_intent,
    status: "needs_response",
    reason,
    metadata: {},
    livemode: false,
    is_charge_refundable: false,
  };
  core.state.disputes.set(dispute.id, dispute);
  charge.disputed = true;
  core.book(null, {
    amount: -dispute.amount,
    fee: DISPUTE_FEE,
    type: "adjustment",
    source: dispute.id,
    reporting_category: "dispute",
    description: `Litige ${dispute.id}`,
  });
  core.bus.emit("charge.dispute.created", dispute);
  core.bus.emit("charge.dispute.funds_withdrawn", dispute);
  return dispute;
}

/** Test switch: the bank decides. Won: the disputed amount comes back (not the fee). */
export function closeDispute(core: SimCore, disputeId: string, outcome: "won" | "lost"): SimDispute {
  const dispute = core.get(core.state.disputes, "dispute", disputeId, "dispute");
  if (dispute.status === "won" || dispute.status === "lost") {
    throw invalidRequest(
      `This dispute is already closed (${dispute.status}).`,
      undefined,
      "status_transition_invalid",
    );
  }
  const previous = { status: dispute.status };
  dispute.status = outcome;
  if (outcome === "won") {
    core.book(null, {
      amount: dispute.amount,
      fee: 0,
      type: "adjustment",
      source: dispute.id,
      reporting_category: "dispute_reversal",
      description: `Litige gagné ${dispute.id}`,
    });
    core.bus.emit("charge.dispute.funds_reinstated", dispute);
  }
  core.bus.emit("charge.dispute.closed", dispute, { previous });
  return dispute;
}

const find = (core: SimCore, id: string) => core.get(core.state.disputes, "dispute", id, "dispute");

export const disputeRoutes: Route[] = [
  { method: "GET", path: "/v1/disputes/:id", handler: (core, req) => find(core, req.params.id) },
  {
    method: "GET",
    path: "/v1/disputes",
    handler: (core, req) => list(core, [...core.state.disputes.values()], req.form, "/v1/disputes"),
  },
  {
    method: "POST",
    path: "/v1/disputes/:id",
    handler: (core, req) => {
      const dispute = find(core, req.params.id);
      dispute.metadata = metadata(req.form.metadata, dispute.metadata);
      if (req.form.submit === "true")
        Object.assign(dispute, { status: "under_review" satisfies Stripe.Dispute.Status });
      core.bus.emit("charge.dispute.updated", dispute);
      return dispute;
    },
  },
  // Closing means accepting the dispute: it is lost.
  {
    method: "POST",
    path: "/v1/disputes/:id/close",
    handler: (core, req) => closeDispute(core, req.params.id, "lost"),
  },
];
