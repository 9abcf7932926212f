// R22: our own wording of the notice, in English and Japanese.

const serviceNames: Record<string, string> = {
  desk: 'Zoho Desk',
  crm: 'Zoho CRM',
  salesiq: 'Zoho SalesIQ',
};

export const serviceDisplayName = (service: string): string =>
  serviceNames[service] ?? service.charAt(0).toUpperCase() + service.slice(1);

export function noticeMessages(
  otherService: string,
  agentName: string | null,
  viewerService: string,
): { en: string; ja: string } {
  const other = serviceDisplayName(otherService);
  const here = serviceDisplayName(viewerService);
  return {
    en: `This conversation is assigned to ${agentName ?? 'another agent'} in ${other}. You can still read it, and you can assign it to yourself in ${here}.`,
    ja: `この会話は${other}で${agentName ? `${agentName}さん` : '別の担当者'}に割り当てられています。閲覧はそのまま続けられます。${here}でご自身に割り当てることもできます。`,
  };
}
