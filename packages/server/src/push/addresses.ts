// R34 (no SSRF): what kind of address an IP literal is. Only public addresses are reachable by
// default; loopback (127.0.0.0/8, ::1) only when the server allows it (tests, playground), any
// other private or special range (RFC 1918, CGNAT, link-local and cloud metadata, unique local,
// multicast, documentation, reserved, unspecified) only when the server allows private networks.
// IPv4 embedded in IPv6 (mapped, compatible, NAT64, 6to4) is judged as the IPv4 it carries.
import { isIP } from 'node:net';

export type AddressKind = 'public' | 'loopback' | 'private';

type Range = [base: number, bits: number];
const v4 = (text: string): number => text.split('.').reduce((n, part) => n * 256 + Number(part), 0);
const range = (cidr: string): Range => {
  const [base, bits] = cidr.split('/');
  return [v4(base!), Number(bits)];
};

const privateV4: Range[] = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
].map(range);

const inRange = (n: number, [base, bits]: Range) =>
  Math.floor(n / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits));

function kindOfV4(text: string): AddressKind {
  const n = v4(text);
  if (inRange(n, range('127.0.0.0/8'))) return 'loopback';
  return privateV4.some((r) => inRange(n, r)) ? 'private' : 'public';
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 becomes two groups). */
function groupsOf(text: string): number[] {
  let address = text.toLowerCase().split('%')[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) {
    const n = v4(dotted[1]!);
    address = `${address.slice(0, -dotted[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = address.split('::') as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const front = parse(head);
  const back = parse(tail);
  const middle = tail === undefined ? [] : new Array(8 - front.length - back.length).fill(0);
  return [...front, ...middle, ...back];
}

const embeddedV4 = (g: number[], at: number) => `${g[at]! >> 8}.${g[at]! & 255}.${g[at + 1]! >> 8}.${g[at + 1]! & 255}`;

function kindOfV6(text: string): AddressKind {
  const g = groupsOf(text);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 7) && g[7] === 1) return 'loopback';
  if (zeros(0, 8)) return 'private'; // unspecified
  if (zeros(0, 5) && g[5] === 0xffff) return kindOfV4(embeddedV4(g, 6)); // mapped
  if (zeros(0, 6)) return kindOfV4(embeddedV4(g, 6)); // compatible (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return kindOfV4(embeddedV4(g, 6)); // NAT64
  if (g[0] === 0x2002) return kindOfV4(embeddedV4(g, 1)); // 6to4
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return 'private'; // unique local
  if ((first & 0xffc0) === 0xfe80 || (first & 0xffc0) === 0xfec0) return 'private'; // link-local, site-local
  if ((first & 0xff00) === 0xff00) return 'private'; // multicast
  if (first === 0x2001 && g[1] === 0x0db8) return 'private'; // documentation
  if (first === 0x2001 && g[1] === 0) return 'private'; // Teredo: hides its IPv4
  if (first === 0x0100 && zeros(1, 4)) return 'private'; // discard
  return 'public';
}

/** The kind of an IP literal (brackets allowed); null when it is not one. */
export function addressKind(address: string): AddressKind | null {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare.split('%')[0]!);
  if (family === 4) return kindOfV4(bare);
  if (family === 6) return kindOfV6(bare);
  return null;
}
