// R18: a masking policy is data registered with a service's membership. It says what a viewer in
// that service sees of another service's reply beyond R17's minimum: at most the agent's name.
// The schema is strict, so no policy can ask for another service's reply text.
import { z } from 'zod';

export const maskingPolicySchema = z
  .object({
    /** Show the sending agent's display name on other services' replies. Text is never shown. */
    showAgentName: z.boolean().default(false),
  })
  .strict();

export type MaskingPolicy = z.output<typeof maskingPolicySchema>;

/** R18: the default hides text and agent. */
export const defaultMaskingPolicy: MaskingPolicy = Object.freeze({ showAgentName: false });
