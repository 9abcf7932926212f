// The demo world: one Zoho One org sharing one number between Desk, CRM and SalesIQ, three
// customers writing to it (agents work a list of conversations), and agents who reach one service
// or several (so the R22 notice can name them, or say "another agent").
export const org = 'demo';
export const number = '+81312345678';
export const phoneNumberId = '100200300400500';
export const customers = [
  { id: '+819012345678', name: 'Taro' },
  { id: '+819087654321', name: 'Hanako' },
  { id: '+818011223344', name: 'Jiro' },
] as const;
export const customerIds = customers.map((c) => c.id) as [string, ...string[]];
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
