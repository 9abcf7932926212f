// The demo world: one Zoho One org sharing one number between Desk, CRM and SalesIQ, with agents
// who reach one service or several (so the R22 notice can name them, or say "another agent").
export const org = 'demo';
export const number = '+81312345678';
export const phoneNumberId = '100200300400500';
export const customer = '+819012345678';
export const services = ['desk', 'crm', 'salesiq'] as const;
export type Service = (typeof services)[number];

export const agents = [
  { id: 'haruka', name: 'Haruka', access: ['desk'] },
  { id: 'kenji', name: 'Kenji', access: ['desk', 'crm'] },
  { id: 'rin', name: 'Rin', access: ['crm', 'desk'] },
  { id: 'mei', name: 'Mei', access: ['crm'] },
  { id: 'sora', name: 'Sora', access: ['crm', 'salesiq'] },
  { id: 'yuki', name: 'Yuki', access: ['salesiq'] },
];

export const agentsOf = (service: Service) => agents.filter((a) => a.access.includes(service));
