// What `onenumber serve` adds for WhatsApp (issue 5): the server's WhatsApp options read from the
// environment serve was given (WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN,
// WHATSAPP_GRAPH_URL, WHATSAPP_API_VERSION), the outbox worker's events as JSON lines on stderr
// (ids, services, codes: never text), and the lines that say whether the webhook and the sender
// are on. Never a secret.
import type { RunningServer, WhatsAppOptions, WhatsAppReport } from '@onenumber/server';
import type { Io } from './scenario';

/** The server's WhatsApp options for this environment; worker events go to `io.err` as JSON lines. */
export function whatsAppServeOptions(env: NodeJS.ProcessEnv, io: Io): WhatsAppOptions {
  return {
    env,
    onEvent: (event) => {
      io.err(`${JSON.stringify({ whatsapp: event.type, ...event, type: undefined })}\n`);
      if (event.type === 'paused') {
        io.err(
          'WhatsApp sending is paused: the Graph API refused the access token (error 190). Restart with a new WHATSAPP_ACCESS_TOKEN, or POST /v1/admin/whatsapp/resume {"accessToken": "..."} with the admin token.\n',
        );
      }
    },
  };
}

/** Two lines: whether the webhook answers (and where) and whether replies are sent (and how). */
export function describeWhatsApp(report: WhatsAppReport, url: string): string {
  const webhook = report.webhook.on
    ? `WhatsApp webhook: on at ${url}${report.webhook.path} (the Meta app's callback URL; verify token from WHATSAPP_VERIFY_TOKEN)`
    : `WhatsApp webhook: off (${report.webhook.why ?? 'turned off'}; set both to receive messages)`;
  const sender = report.sender.on
    ? `WhatsApp sender: on (${report.sender.graphUrl ? `Graph API ${report.sender.graphUrl} ${report.sender.apiVersion}` : report.sender.transport}, ${report.sender.rate} messages/s per number)`
    : `WhatsApp sender: off (${report.sender.why}; set it to send replies)`;
  return `${webhook}\n${sender}\n`;
}

export const whatsAppOf = (server: RunningServer): WhatsAppReport => server.handler.whatsapp.report();
