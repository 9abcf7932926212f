// R1..R4: whether a service joins the shared channel of a number or gets an isolated one, and why.
import { financeServices, isBundlePlan, type Mode, type Reason, type Subscription } from './catalogue';

export interface EligibilityInput {
  plan: string;
  service: string;
  /** The service's subscription; when absent, `bundle` in a bundle org and `standalone` otherwise. */
  subscription?: Subscription;
  /** Extra finance services (R2: the catalogue can grow). */
  extraFinanceServices?: readonly string[];
}

export interface Eligibility {
  mode: Mode;
  reason: Reason;
}

export function subscriptionOf(
  plan: string,
  service: string,
  services: Record<string, Subscription> = {},
): Subscription {
  return services[service] ?? (isBundlePlan(plan) ? 'bundle' : 'standalone');
}

export function decideEligibility(input: EligibilityInput): Eligibility {
  const subscription = input.subscription ?? subscriptionOf(input.plan, input.service);
  const finance = [...financeServices, ...(input.extraFinanceServices ?? [])].includes(input.service);
  // R4: the most specific reason wins: finance, then upgraded, then standalone.
  if (finance) return { mode: 'isolated', reason: 'finance-service' };
  if (subscription === 'upgraded') return { mode: 'isolated', reason: 'upgraded-from-standalone' };
  if (!isBundlePlan(input.plan) || subscription !== 'bundle') return { mode: 'isolated', reason: 'standalone' };
  return { mode: 'shared', reason: 'bundle' };
}
