// R1..R4 as data: which plans are bundles, which services never share, and the reason codes.
// This table is the one place to read (and extend) who may share a number.

/** Bundle plans named in the article; any `bundle:NAME` is a bundle too (R1). */
export const bundlePlans = ['zoho-one', 'crm-plus'] as const;

/** R2: finance services never share. The catalogue is data and can grow. */
export const financeServices = [
  'books',
  'inventory',
  'invoice',
  'billing',
  'expense',
  'commerce',
  'checkout',
  'payroll',
] as const;

/** R4: reason codes, most specific first (the order decides when several fit). */
export const isolationReasons = ['finance-service', 'upgraded-from-standalone', 'standalone'] as const;

export type Reason = 'bundle' | (typeof isolationReasons)[number];
export type Mode = 'shared' | 'isolated';
export type Subscription = 'bundle' | 'standalone' | 'upgraded';

export const isBundlePlan = (plan: string): boolean =>
  (bundlePlans as readonly string[]).includes(plan) || /^bundle:.+/.test(plan);
