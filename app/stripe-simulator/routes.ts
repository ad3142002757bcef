import { type Route } from "./core";
import { accountRoutes } from "./resources/accounts";
import { balanceRoutes } from "./resources/balance";
import { chargeRoutes } from "./resources/charges";
import { checkoutRoutes } from "./resources/checkout";
import { customerRoutes } from "./resources/customers";
import { disputeRoutes } from "./resources/disputes";
import { paymentIntentRoutes } from "./resources/payment-intents";
import { paymentMethodRoutes } from "./resources/payment-methods";
import { refundRoutes } from "./resources/refunds";
import { setupIntentRoutes } from "./resources/setup-intents";
import { transferRoutes } from "./resources/transfers";
import { webhookRoutes } from "./resources/webhooks";

/** Every API route the simulator answers; anything else gets `simulator_not_implemented`. */
export const routes: Route[] = [
  ...accountRoutes,
  ...customerRoutes,
  ...paymentMethodRoutes,
  ...setupIntentRoutes,
  ...checkoutRoutes,
  ...webhookRoutes,
  ...paymentIntentRoutes,
  ...chargeRoutes,
  ...transferRoutes,
  ...refundRoutes,
  ...disputeRoutes,
  ...balanceRoutes,
];
