// R33: masking policies are the server's. The catalogue gives each service its policy (R18's
// decided ones: Desk and SalesIQ hide other services' reply text and agent, CRM hides the text
// and shows the sending agent's name); any other service gets the default, which hides both. The
// admin may override it per org and service (tighten or loosen); `connect` never chooses one.
import { defaultMaskingPolicy, type MaskingPolicy } from './policy';

export const policyCatalogue: Readonly<Record<string, MaskingPolicy>> = Object.freeze({
  desk: defaultMaskingPolicy,
  crm: Object.freeze({ showAgentName: true }),
  salesiq: defaultMaskingPolicy,
});

/** R33: the catalogue's policy for a service; the default for a service it does not list. */
export const cataloguePolicy = (service: string): MaskingPolicy =>
  Object.hasOwn(policyCatalogue, service) ? policyCatalogue[service]! : defaultMaskingPolicy;

/** R33: the policy in force: the admin's override for the org and service when there is one, else the catalogue's. */
export const effectivePolicy = (service: string, override: MaskingPolicy | null | undefined): MaskingPolicy =>
  override ?? cataloguePolicy(service);
