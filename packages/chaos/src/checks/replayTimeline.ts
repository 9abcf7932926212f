// R11 checked from the audit trail: replay a channel's timeline through a reference model and
// verify that every election happened exactly when the parent stopped being active, and chose
// the active membership with the earliest creation order; and that no other change moved it.
import type { TimelineEntry } from '@onenumber/core';
import { electParent, type ElectableMembership } from '@onenumber/core/storage-kit';

export function replayTimeline(entries: TimelineEntry[]): { parent: string | null; failures: string[] } {
  const members = new Map<string, ElectableMembership>();
  const failures: string[] = [];
  let seq = 0;
  let parent: string | null = null;
  let owed: string | null | undefined; // the parent an election must now choose, if one is due
  for (const entry of entries) {
    if (entry.what === 'elected') {
      if (entry.from !== parent)
        failures.push(`entry ${entry.id}: elected from ${entry.from}, but the parent was ${parent}`);
      const want = electParent([...members.values()], parent);
      if (entry.to !== want) failures.push(`entry ${entry.id}: elected ${entry.to}, R11 chooses ${want}`);
      parent = entry.to;
      owed = undefined;
      continue;
    }
    if (owed !== undefined)
      failures.push(`entry ${entry.id}: parent should have moved to ${owed} before ${entry.what}`);
    owed = undefined;
    const service = entry.service ?? '';
    if (entry.what === 'joined') members.set(service, { service, seq: ++seq, state: 'active' });
    else if (entry.what === 'disabled' || entry.what === 'enabled') {
      const member = members.get(service);
      if (!member) failures.push(`entry ${entry.id}: ${entry.what} ${service}, which is not a member`);
      else member.state = entry.what === 'disabled' ? 'disabled' : 'active';
    } else if (entry.what === 'removed') members.delete(service);
    else continue; // assignments and statuses do not touch the parent
    const want = electParent([...members.values()], parent);
    if (want !== parent) owed = want;
  }
  if (owed !== undefined) failures.push(`the timeline ends owing an election to ${owed}`);
  return { parent, failures };
}
