// R34 (no SSRF): an endpoint is checked before any connection is made, when it is registered and
// again at every attempt (a name may resolve elsewhere later). Only https; http only to this
// machine when the server allows loopback http; never a private or special address unless the
// server allows private networks. An IP literal is judged as written (the URL parser has already
// read decimal, octal and hex IPv4 forms); a name by every address it resolves to (one refused
// address refuses it), and the attempt connects to an address that was checked, never resolving
// again.
import { lookup } from 'node:dns/promises';
import { OneNumberError } from '@onenumber/core';
import { addressKind, type AddressKind } from './addresses';
import type { Resolver } from './pushOptions';

export interface DestinationPolicy {
  allowLoopbackHttp: boolean;
  allowPrivateNetworks: boolean;
  resolve?: Resolver | undefined;
}

export interface Destination {
  url: URL;
  /** The checked address to connect to, and its family. */
  address: string;
  family: 4 | 6;
}

export const maxUrlLength = 2048;

const refuse = (why: string) => new OneNumberError('INVALID_INPUT', `url: ${why}`, { field: 'url' });

const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

const isLocalName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/** The URL's syntax: https (or loopback http when allowed), no credentials. Throws INVALID_INPUT. */
export function parseEndpoint(text: string, policy: DestinationPolicy): URL {
  if (text.length > maxUrlLength) throw refuse(`at most ${maxUrlLength} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse('not a valid URL');
  }
  if (url.username || url.password) throw refuse('a URL with credentials is refused; put secrets elsewhere');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) throw refuse('a URL names a host');
  if (url.protocol === 'https:') return url;
  if (url.protocol !== 'http:') throw refuse('only https URLs are accepted');
  const loopbackHost = isLocalName(host) || addressKind(host) === 'loopback';
  if (policy.allowLoopbackHttp && loopbackHost) return url;
  throw refuse(
    policy.allowLoopbackHttp
      ? 'only https URLs are accepted (http only to this machine: 127.0.0.1, ::1, localhost)'
      : 'only https URLs are accepted',
  );
}

function allowed(kind: AddressKind, policy: DestinationPolicy, http: boolean): boolean {
  if (http) return kind === 'loopback';
  if (kind === 'public') return true;
  if (kind === 'loopback') return policy.allowLoopbackHttp || policy.allowPrivateNetworks;
  return policy.allowPrivateNetworks;
}

const words: Record<AddressKind, string> = {
  public: 'a public address',
  loopback: 'this machine (loopback), which this server does not allow',
  private: 'a private or special-purpose network address, which this server does not allow',
};

/** Resolves and checks the endpoint's addresses; throws INVALID_INPUT before any connection. */
export async function checkDestination(text: string, policy: DestinationPolicy): Promise<Destination> {
  const url = parseEndpoint(text, policy);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const http = url.protocol === 'http:';
  let addresses: string[];
  if (addressKind(host)) addresses = [host];
  else if (isLocalName(host)) addresses = ['127.0.0.1'];
  else {
    try {
      addresses = await (policy.resolve ?? systemResolver)(host);
    } catch {
      throw refuse(`the host ${host} could not be resolved`);
    }
    if (!addresses.length) throw refuse(`the host ${host} has no address`);
  }
  for (const address of addresses) {
    const kind = addressKind(address);
    if (!kind) throw refuse(`the host ${host} resolved to something that is not an address`);
    if (!allowed(kind, policy, http)) throw refuse(`${host} is ${words[kind]}`);
  }
  const address = addresses[0]!;
  return { url, address, family: address.includes(':') ? 6 : 4 };
}
