// R34: push subscriptions as a table for people (`onenumber subscriptions list`), and one
// subscription as lines (`create`); --json prints the server's own answer instead.
export interface ListedSubscription {
  id: string;
  org: string;
  service: string;
  url: string;
  types: string[] | null;
  state: string;
  pausedBecause?: string;
  createdAt: string;
}

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

export function subscriptionsTable(rows: readonly ListedSubscription[]): string {
  if (rows.length === 0) return 'No push subscriptions.\n';
  const header = ['id', 'org', 'service', 'state', 'types', 'url'];
  const cells = rows.map((s) => [
    s.id,
    s.org,
    s.service,
    s.pausedBecause ? `paused (${s.pausedBecause})` : s.state,
    s.types ? s.types.join(',') : 'all',
    clip(s.url, 60),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c]!.length)));
  const line = (row: string[]) =>
    row
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')}\n`;
}

export function createdLines(created: ListedSubscription & { secret: string }): string {
  return [
    `Created push subscription ${created.id} for ${created.org}/${created.service}.`,
    `  url     ${created.url}`,
    `  types   ${created.types ? created.types.join(', ') : 'all'}`,
    `  secret  ${created.secret}`,
    '',
    'The secret is shown this once: give it to the receiver, which checks every delivery with it',
    '(verifyWebhook from @onenumber/core, or any Standard Webhooks library).',
    '',
  ].join('\n');
}
