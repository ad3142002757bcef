import { type Route, type SimCore, list } from "../core";

function balance(core: SimCore, account: string | null) {
  const b = core.state.balance(account);
  const amounts = (amount: number) => [{ amount, currency: "eur", source_types: { card: amount } }];
  return { object: "balance", livemode: false, available: amounts(b.available), pending: amounts(b.pending) };
}

export const balanceRoutes: Route[] = [
  { method: "GET", path: "/v1/balance", handler: (core, req) => balance(core, req.account) },
  {
    method: "GET",
    path: "/v1/balance_transactions/:id",
    handler: (core, req) =>
      core.get(core.state.balanceTransactions, "balance transaction", req.params.id, "id"),
  },
  {
    method: "GET",
    path: "/v1/balance_transactions",
    handler: (core, req) => {
      const items = [...core.state.balanceTransactions.values()].filter((t) => t.owner === req.account);
      return list(core, items, req.form, "/v1/balance_transactions");
    },
  },
];
