// R34: how `onenumber subscriptions` presents itself on the command line (see commandLine/spec.ts).
import type { CommandSpec } from '../commandLine/spec';
import { subscriptionsCommand } from './subscriptions';

const text = (value: string | boolean | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;

export const subscriptions: CommandSpec = {
  name: 'subscriptions',
  summary: "Create and list push subscriptions: a service's events POSTed to its own endpoint.",
  synopsis: 'create URL | list [options]',
  details: [
    'create registers an endpoint (https; the server checks it before any connection) and prints its',
    'signing secret once; list shows the subscriptions the token may see. A service token acts for',
    'its own service; the admin token names --org and --service. Every delivery is signed as',
    'Standard Webhooks says: check it with verifyWebhook from @onenumber/core (docs/rules.md, R34).',
    'Exit status: 0 done, 1 the server refused (its code and message are printed), 2 a usage',
    'mistake or no server at the address.',
  ],
  positionals: { name: 'ACTION [URL]', description: 'create URL, or list.' },
  options: {
    server: {
      type: 'string',
      value: 'URL',
      description: `The server; default env ONENUMBER_URL, else http://127.0.0.1:8787.`,
    },
    token: {
      type: 'string',
      value: 'TOKEN',
      description: 'A service token, or the admin token; default env ONENUMBER_TOKEN, else ONENUMBER_ADMIN_TOKEN.',
    },
    org: { type: 'string', value: 'ORG', description: 'Admin only: the org the subscription is for.' },
    service: { type: 'string', value: 'SERVICE', description: 'Admin only: the service the subscription is for.' },
    types: {
      type: 'string',
      value: 'TYPE,...',
      description: 'create: only these event types (e.g. messageReceived,statusChanged); default all.',
    },
    json: { type: 'boolean', default: false, description: "Print the server's JSON answer instead of a table." },
  },
  examples: [
    'ONENUMBER_TOKEN=on_... onenumber subscriptions create https://desk.example.com/onenumber/events',
    'onenumber subscriptions create https://crm.example.com/hooks --org acme --service crm --types messageReceived',
    'onenumber subscriptions list --server https://onenumber.internal --json',
  ],
  run: (values, positionals, io) =>
    subscriptionsCommand(
      positionals,
      {
        server: text(values.server),
        token: text(values.token),
        org: text(values.org),
        service: text(values.service),
        types: text(values.types),
        json: values.json === true,
      },
      io,
    ),
};
