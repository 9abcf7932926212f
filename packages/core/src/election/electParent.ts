// R9, R11, R14: the parent is the active membership with the earliest creation sequence; it
// changes only when the parent stops being active (an enabled-again service does not take it back).

export interface ElectableMembership {
  service: string;
  /** Creation order assigned by the storage (never a clock reading), so there are no ties. */
  seq: number;
  state: 'active' | 'disabled';
}

/**
 * Returns the service that should be parent after a change. `current` is the parent before the
 * change: it stays parent while it is active (R11), otherwise the earliest active membership wins.
 * Null when nobody is active (R13: the channel is closed).
 */
export function electParent(memberships: readonly ElectableMembership[], current: string | null): string | null {
  const active = memberships.filter((m) => m.state === 'active');
  if (current && active.some((m) => m.service === current)) return current;
  let earliest: ElectableMembership | undefined;
  for (const m of active) if (!earliest || m.seq < earliest.seq) earliest = m;
  return earliest?.service ?? null;
}

export interface Member {
  service: string;
  role: 'parent' | 'child';
}

/** R14: the active members, parent first, then by creation order. */
export function listMembers(memberships: readonly ElectableMembership[], parent: string | null): Member[] {
  return memberships
    .filter((m) => m.state === 'active')
    .sort((a, b) => (a.service === parent ? -1 : b.service === parent ? 1 : a.seq - b.seq))
    .map((m) => ({ service: m.service, role: m.service === parent ? 'parent' : 'child' }));
}
